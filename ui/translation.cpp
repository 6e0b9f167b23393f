// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "translation.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace Qluster::Ui {

QStringList installTranslations(QCoreApplication &app, const QLocale &locale)
{
    QStringList installed;
    const auto load = [&](const QString &name, const QString &directory) {
        auto *translator = new QTranslator(&app); // owned by app
        if (translator->load(locale, name, QStringLiteral("_"), directory)
            && QCoreApplication::installTranslator(translator)) {
            installed << translator->filePath();
        } else {
            delete translator;
        }
    };
    // Qluster's catalogues are compiled into the binary (see translations/CMakeLists.txt).
    load(QStringLiteral("qluster"), QStringLiteral(":/i18n"));
    load(QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return installed;
}

} // namespace Qluster::Ui
