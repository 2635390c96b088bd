#pragma once
#include "db/pgconnection.h"
