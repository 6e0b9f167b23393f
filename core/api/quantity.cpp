// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "quantity.h"

#include <cmath>

namespace Qluster {

std::optional<double> parseQuantity(const QString &input)
{
    // Grammar from k8s.io/apimachinery/pkg/api/resource: <signedNumber><suffix>, suffix one of
    // the binary (Ki..Ei), decimal SI (n u m "" k M G T P E) or decimal exponent (e3, E-2) forms.
    const QString text = input.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    qsizetype i = 0;
    if (text.at(0) == QLatin1Char('+') || text.at(0) == QLatin1Char('-'))
        ++i;
    const qsizetype digitsStart = i;
    bool dot = false;
    while (i < text.size() && (text.at(i).isDigit() || (!dot && text.at(i) == QLatin1Char('.')))) {
        if (text.at(i) == QLatin1Char('.'))
            dot = true;
        ++i;
    }
    if (i == digitsStart || (i == digitsStart + 1 && dot))
        return std::nullopt;
    // The suffix is checked before the number is converted: most texts that start with digits
    // (IP addresses, "1/1", "3 (5m ago)") are no quantity, and a table asks this of every cell.
    const QStringView suffix = QStringView(text).mid(i);
    struct Suffix
    {
        const char *name;
        double factor;
    };
    static const Suffix suffixes[] = {
        {"", 1.0},
        {"Ki", 1024.0},
        {"Mi", 1024.0 * 1024},
        {"Gi", 1024.0 * 1024 * 1024},
        {"Ti", 1024.0 * 1024 * 1024 * 1024},
        {"Pi", 1024.0 * 1024 * 1024 * 1024 * 1024},
        {"Ei", 1024.0 * 1024 * 1024 * 1024 * 1024 * 1024},
        {"n", 1e-9},
        {"u", 1e-6},
        {"m", 1e-3},
        {"k", 1e3},
        {"M", 1e6},
        {"G", 1e9},
        {"T", 1e12},
        {"P", 1e15},
        {"E", 1e18},
    };
    std::optional<double> factor;
    for (const Suffix &s : suffixes) {
        if (suffix == QLatin1String(s.name)) {
            factor = s.factor;
            break;
        }
    }
    if (!factor && suffix.size() >= 2
        && (suffix.at(0) == QLatin1Char('e') || suffix.at(0) == QLatin1Char('E'))) {
        bool expOk = false;
        const int exponent = suffix.mid(1).toInt(&expOk);
        if (expOk)
            factor = std::pow(10.0, exponent);
    }
    if (!factor)
        return std::nullopt;
    bool ok = false;
    const double number = QStringView(text).left(i).toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return number * *factor;
}

} // namespace Qluster
