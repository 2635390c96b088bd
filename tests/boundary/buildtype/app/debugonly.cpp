// A planted violation for boundary_refuses_buildtype: code only a Debug build compiles.
#ifndef NDEBUG
static int debugOnly = 0;
#endif
