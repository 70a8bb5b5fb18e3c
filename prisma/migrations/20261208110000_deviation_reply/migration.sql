-- A preliminary reply's words are kept with the case (an exchange of kind
-- 'reply' to the reporter), so the case view shows what she was told.
ALTER TABLE "deviation_exchange" DROP CONSTRAINT "deviation_exchange_kind_check";
ALTER TABLE "deviation_exchange" ADD CONSTRAINT "deviation_exchange_kind_check" CHECK ("kind" IN ('question', 'comments', 'reply'));
-- A reply is not answered.
ALTER TABLE "deviation_exchange" ADD CONSTRAINT "deviation_exchange_reply_unanswered_check" CHECK ("kind" <> 'reply' OR "answer" IS NULL);
