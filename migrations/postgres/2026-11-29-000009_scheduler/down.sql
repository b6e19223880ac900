DROP TABLE scheduler_leases;
DROP TABLE campaign_events;
DROP TABLE campaign_schedules;
