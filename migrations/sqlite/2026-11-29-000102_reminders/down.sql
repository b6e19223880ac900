DROP TABLE campaign_reminders;
DROP TABLE invitation_addresses;
