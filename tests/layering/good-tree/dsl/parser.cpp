// Part of the layering self-test: a fake tree (never compiled).
#pragma once
#include <tao/pegtl.hpp>
#include "dsl/ast.hpp"
