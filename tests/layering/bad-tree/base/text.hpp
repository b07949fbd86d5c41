// Part of the layering self-test: a fake tree (never compiled).
#pragma once
#include "engine/findings.hpp"
