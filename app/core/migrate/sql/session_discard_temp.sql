-- Between migrations: every temporary object goes (also one a function made, the file never
-- saying TEMP), so the next migration's unqualified names find its own tables, not them.
DISCARD TEMP
