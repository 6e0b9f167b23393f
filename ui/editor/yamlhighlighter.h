// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "highlighter.h"

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <array>

class QPalette;

namespace Qluster::Ui {

/// YamlHighlighter is the built-in YAML and JSON highlighter: keys, quoted strings and their
/// escapes, numbers, booleans and null, comments, anchors, aliases, tags, block scalars, document
/// markers and indicators, coloured so that both light and dark palettes stay readable.
///
/// Booleans and null follow what Kubernetes does with a manifest: kubectl and the API machinery
/// turn YAML into JSON with sigs.k8s.io/yaml, whose go-yaml v2 resolves the YAML 1.1 words
/// y/yes/on/n/no/off (in lower, Title and UPPER case) to booleans, so `value: yes` is a boolean
/// there and is highlighted as one. JSON has only true, false and null.
class YamlHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(YamlHighlighter)
public:
    enum class Kind {
        Key,
        String,
        Escape,
        Number,
        Constant,
        Comment,
        Anchor,
        Alias,
        Tag,
        DocumentMarker,
        Indicator,
        Error, ///< a tab in YAML indentation, which YAML forbids
    };
    static constexpr int KindCount = int(Kind::Error) + 1;

    /// YamlHighlighter highlights `document` (may be null, see setDocument) as `language`.
    YamlHighlighter(QTextDocument *document, Highlighter::Language language,
        const QPalette &palette, QObject *parent = nullptr);

    Highlighter::Language language() const { return m_language; }

    /// YamlHighlighter::setPalette rebuilds the formats for `palette` and highlights again.
    void setPalette(const QPalette &palette);

    /// YamlHighlighter::formatFor is the character format used for `kind`.
    QTextCharFormat formatFor(Kind kind) const { return m_formats.at(std::size_t(kind)); }

protected:
    void highlightBlock(const QString &text) override;

private:
    void buildFormats(const QPalette &palette);

    Highlighter::Language m_language;
    std::array<QTextCharFormat, KindCount> m_formats;
};

} // namespace Qluster::Ui
