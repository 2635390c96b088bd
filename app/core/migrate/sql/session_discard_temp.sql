-- Between migrations, after one that mentions TEMP: its temporary tables go, so the next
-- migration's unqualified names find its own tables, not them.
DISCARD TEMP
