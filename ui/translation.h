// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace Qluster::Ui {

/// installTranslations loads Qluster's and Qt's own translations for `locale` into `app` and
/// returns the names of the catalogues it installed (empty for English, which needs none).
QStringList installTranslations(QCoreApplication &app, const QLocale &locale);

} // namespace Qluster::Ui
