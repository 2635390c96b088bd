-- Names the console user and the reason of label changes for the label-history trigger
-- (transaction-local), and returns the database user.
SELECT set_config('uaip.console_user', $1, true), set_config('uaip.label_reason', $2, true),
       current_user
