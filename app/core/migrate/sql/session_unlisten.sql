-- Between migrations, after one that mentions LISTEN: the run's session listens to nothing.
UNLISTEN *
