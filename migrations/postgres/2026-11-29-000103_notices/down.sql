DROP TABLE notice_opt_outs;
DROP TABLE notices_sent;
DROP TABLE notice_outbox;
