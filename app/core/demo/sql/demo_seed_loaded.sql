-- $1: the e-mail domain of a seed's demo users (demo<seed>.uaip.test).
SELECT EXISTS (SELECT 1 FROM users WHERE email LIKE '%@' || $1)
