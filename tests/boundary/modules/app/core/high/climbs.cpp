#include "../ring/thing.h"
