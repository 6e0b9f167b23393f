// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"
#include "highlighter.h"

#include <QList>
#include <QPlainTextEdit>
#include <QTextCursor>

class QSyntaxHighlighter;

namespace Qluster::Ui {

/// YamlEditor edits (or shows, read-only) one YAML or JSON document: monospace text with
/// syntax highlighting for its language, a line-number gutter, the current line highlighted and
/// diagnostics marked in place (gutter marker, wavy underline from the column, tooltip). Tab and
/// Enter indent with spaces (YAML forbids tabs), two per level. It works on its own document:
/// load text with setPlainText(), not by replacing the document.
class YamlEditor final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(YamlEditor)
public:
    explicit YamlEditor(QWidget *parent = nullptr);
    ~YamlEditor() override;

    /// YamlEditor::setLanguage highlights the document as `language` (YAML by default).
    void setLanguage(Highlighter::Language language);
    Highlighter::Language language() const { return m_language; }
    QSyntaxHighlighter *highlighter() const { return m_highlighter; }

    /// YamlEditor::setDiagnostics replaces the marked problems. Marks stay on their text while the
    /// user edits, until the next call or until the whole text is replaced (setPlainText).
    void setDiagnostics(const QList<Diagnostic> &diagnostics);
    void clearDiagnostics() { setDiagnostics({}); }
    /// YamlEditor::diagnostics lists the marked problems where they are now (lines move with
    /// edits above them).
    QList<Diagnostic> diagnostics() const;
    /// YamlEditor::diagnosticToolTip is the tooltip text for 1-based `line`, empty if no problem.
    QString diagnosticToolTip(int line) const;

    /// YamlEditor::moveCursorTo puts the cursor at 1-based `line` and `column` and shows it.
    void moveCursorTo(int line, int column = 1);

    QWidget *gutter() const;
    int gutterWidth() const;
    /// YamlEditor::diagnosticColor is the colour of a mark of `severity` in the current palette.
    QColor diagnosticColor(Diagnostic::Severity severity) const;

Q_SIGNALS:
    void diagnosticsChanged();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    class Gutter;
    friend class Gutter;

    struct Mark
    {
        Diagnostic diagnostic;
        QTextCursor cursor; // at the start of the marked line; follows edits
    };

    void indentLines(bool indent);
    void insertIndentedNewline();
    void paintGutter(QPaintEvent *event);
    bool gutterEvent(QEvent *event);
    int lineAtY(int y) const;
    void updateGutterGeometry();
    void updateGutterArea(const QRect &rect, int dy);
    void updateExtraSelections();
    QTextCursor diagnosticRange(const Mark &mark) const;
    const Mark *worstMarkOnLine(int blockNumber) const;

    Highlighter::Language m_language = Highlighter::Language::Yaml;
    QSyntaxHighlighter *m_highlighter = nullptr; // owned (child)
    Gutter *m_gutter; // owned (child)
    QList<Mark> m_marks;
    int m_characterCount = 0; // the document's before the current change
};

} // namespace Qluster::Ui
