DROP TRIGGER page_stamp_campaigns ON campaigns;
DROP TRIGGER page_stamp_teams ON teams;
DROP TRIGGER page_stamp_organisations ON organisations;
DROP FUNCTION page_stamp_bump();
DROP TABLE page_stamp;
