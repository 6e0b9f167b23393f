// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

class QObject;
class QPalette;
class QSyntaxHighlighter;
class QTextDocument;

namespace Qluster::Ui {

/// Highlighter makes the syntax highlighter for a YAML or JSON document, using KSyntaxHighlighting
/// when Qluster was built with it and the built-in YamlHighlighter otherwise.
class Highlighter final
{
public:
    enum class Language { Yaml, Json };
    enum class Backend { BuiltIn, KSyntaxHighlighting };

    Highlighter() = delete;

    /// Highlighter::create attaches a highlighter for `language` to `document`, with colours chosen
    /// for `palette`; it is owned by `parent`, or by `document` when `parent` is null.
    static QSyntaxHighlighter *create(QTextDocument *document, Language language,
        const QPalette &palette, QObject *parent = nullptr);
    /// Highlighter::create as above, with the application's palette.
    static QSyntaxHighlighter *create(
        QTextDocument *document, Language language, QObject *parent = nullptr);

    /// Highlighter::setPalette recolours a highlighter made by create() for `palette` (light or
    /// dark) and highlights its document again.
    static void setPalette(QSyntaxHighlighter *highlighter, const QPalette &palette);

    /// Highlighter::backend is the backend this build uses (chosen by CMake).
    static Backend backend();
    /// Highlighter::backendName is a human-readable name of backend(), for the About dialog.
    static QString backendName();
};

} // namespace Qluster::Ui
