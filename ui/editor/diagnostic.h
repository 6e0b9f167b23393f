// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/error.h"

#include <QString>

#include <algorithm>

namespace Qluster::Ui {

/// Diagnostic is one problem to mark in a YamlEditor: a 1-based line and column (column 0 marks
/// the whole line), a message for the tooltip, and how serious it is.
struct Diagnostic
{
    enum class Severity { Error, Warning };

    int line = 1;
    int column = 0;
    QString message;
    Severity severity = Severity::Error;

    /// Diagnostic::fromError places an Error (typically Error::parse) on its line and column;
    /// an error without a position goes on the first line.
    static Diagnostic fromError(const Error &error)
    {
        return Diagnostic {
            std::max(1, error.line), std::max(0, error.column), error.message, Severity::Error};
    }

    friend bool operator==(const Diagnostic &, const Diagnostic &) = default;
};

} // namespace Qluster::Ui
