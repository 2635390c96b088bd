// Fixture of boundary_refuses_modules: a file in no module.
