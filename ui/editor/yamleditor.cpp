// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "yamleditor.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextBlock>
#include <QToolTip>

#include <utility>

namespace Qluster::Ui {

namespace {

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    const QColor x = a.toRgb();
    const QColor y = b.toRgb();
    return QColor::fromRgbF(float(x.redF() + (y.redF() - x.redF()) * t),
        float(x.greenF() + (y.greenF() - x.greenF()) * t),
        float(x.blueF() + (y.blueF() - x.blueF()) * t));
}

constexpr int IndentWidth = 2;

int indentationOf(const QString &line)
{
    int i = 0;
    while (i < line.size() && line.at(i) == u' ')
        ++i;
    return i;
}

// The indentation for a line typed after `before` (the text left of the cursor): the same as
// its line, one level more after a line opening a mapping, a block scalar or a JSON container,
// and aligned with the content after a list dash ("- name: x" continues at "name").
int indentationAfter(const QString &before, Highlighter::Language language)
{
    const int indent = indentationOf(before);
    const QString trimmed = before.trimmed();
    if (trimmed.isEmpty())
        return indent;
    if (language == Highlighter::Language::Json) {
        const QChar last = trimmed.back();
        return last == u'{' || last == u'[' ? indent + IndentWidth : indent;
    }
    static const QRegularExpression comment(QStringLiteral("(^|\\s)#.*$"));
    static const QRegularExpression blockHeader(QStringLiteral("(^|[\\s:])[|>][1-9+-]{0,2}$"));
    const QString code = QString(trimmed).remove(comment).trimmed();
    if (code.isEmpty())
        return indent;
    if (code == QLatin1String("-"))
        return indent + IndentWidth;
    int content = indent; // where the node after any list dashes starts
    while (before.mid(content, 2) == QLatin1String("- "))
        content += 2 + indentationOf(before.mid(content + 2));
    if (code.endsWith(u':'))
        return content + IndentWidth;
    if (blockHeader.match(code).hasMatch()) {
        // "key: |" nests under the key, "- |" under the dash.
        return code.contains(u':') ? content + IndentWidth
                                   : std::max(content, indent + IndentWidth);
    }
    return content;
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

} // namespace

/// The line-number column on the editor's left; the editor paints it and answers its tooltips.
class YamlEditor::Gutter final : public QWidget
{
    Q_DISABLE_COPY_MOVE(Gutter)
public:
    explicit Gutter(YamlEditor *editor)
        : QWidget(editor)
        , m_editor(editor)
    {
        setObjectName(QStringLiteral("yamlEditorGutter"));
    }

    QSize sizeHint() const override { return QSize(m_editor->gutterWidth(), 0); }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintGutter(event); }

    bool event(QEvent *event) override
    {
        if (event->type() == QEvent::ToolTip)
            return m_editor->gutterEvent(event);
        return QWidget::event(event);
    }

    void mousePressEvent(QMouseEvent *event) override
    {
        const int block = m_editor->lineAtY(int(event->position().y()));
        if (block >= 0)
            m_editor->moveCursorTo(block + 1);
        event->accept();
    }

    void mouseReleaseEvent(QMouseEvent *event) override { event->accept(); }

private:
    YamlEditor *m_editor; // not owned (parent)
};

YamlEditor::YamlEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new Gutter(this))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Indentation is structure in YAML: never wrap, and show tabs (which YAML forbids) narrow.
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 2);
    m_highlighter = Highlighter::create(document(), m_language, palette(), this);

    connect(this, &QPlainTextEdit::blockCountChanged, this, &YamlEditor::updateGutterGeometry);
    connect(this, &QPlainTextEdit::updateRequest, this, &YamlEditor::updateGutterArea);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        updateExtraSelections();
        m_gutter->update();
    });
    connect(this, &QPlainTextEdit::textChanged, this, &YamlEditor::updateExtraSelections);
    m_characterCount = document()->characterCount();
    connect(
        document(), &QTextDocument::contentsChange, this, [this](int from, int removed, int added) {
            // Replacing everything (setPlainText, select all and type) leaves no text to mark.
            // Re-highlighting reports the whole text as removed and added again, unchanged.
            const int before = std::exchange(m_characterCount, document()->characterCount());
            const bool restyled = removed == added && before == m_characterCount;
            if (from == 0 && removed >= before - 1 && !restyled && !m_marks.isEmpty())
                clearDiagnostics();
        });

    updateGutterGeometry();
    updateExtraSelections();
}

YamlEditor::~YamlEditor() = default;

void YamlEditor::setLanguage(Highlighter::Language language)
{
    if (language == m_language && m_highlighter)
        return;
    m_language = language;
    delete m_highlighter; // detaches from the document and clears its formats
    m_highlighter = Highlighter::create(document(), m_language, palette(), this);
}

void YamlEditor::setDiagnostics(const QList<Diagnostic> &diagnostics)
{
    m_marks.clear();
    const int lastLine = document()->blockCount();
    for (const Diagnostic &diagnostic : diagnostics) {
        // A problem past the end (e.g. "unexpected end of stream") is shown on the last line.
        const QTextBlock block
            = document()->findBlockByNumber(std::clamp(diagnostic.line, 1, lastLine) - 1);
        m_marks.append(Mark {diagnostic, QTextCursor(block)});
    }
    updateExtraSelections();
    m_gutter->update();
    Q_EMIT diagnosticsChanged();
}

QList<Diagnostic> YamlEditor::diagnostics() const
{
    QList<Diagnostic> result;
    result.reserve(m_marks.size());
    for (const Mark &mark : m_marks) {
        Diagnostic d = mark.diagnostic;
        d.line = mark.cursor.blockNumber() + 1;
        result.append(d);
    }
    return result;
}

QString YamlEditor::diagnosticToolTip(int line) const
{
    QStringList lines;
    for (const Mark &mark : m_marks) {
        if (mark.cursor.blockNumber() != line - 1)
            continue;
        const Diagnostic &d = mark.diagnostic;
        const QString severity
            = d.severity == Diagnostic::Severity::Error ? tr("Error") : tr("Warning");
        lines << (d.column > 0
                ? tr("%1 at column %2: %3").arg(severity).arg(d.column).arg(d.message)
                : tr("%1: %2").arg(severity, d.message));
    }
    return lines.join(QLatin1Char('\n'));
}

void YamlEditor::moveCursorTo(int line, int column)
{
    const QTextBlock block
        = document()->findBlockByNumber(std::clamp(line, 1, document()->blockCount()) - 1);
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + std::clamp(column - 1, 0, block.length() - 1));
    setTextCursor(cursor);
    ensureCursorVisible();
}

QWidget *YamlEditor::gutter() const
{
    return m_gutter;
}

int YamlEditor::gutterWidth() const
{
    int digits = 1;
    for (int count = std::max(1, blockCount()); count >= 10; count /= 10)
        ++digits;
    digits = std::max(digits, 2);
    const QFontMetrics metrics = fontMetrics();
    return metrics.height() + metrics.horizontalAdvance(QLatin1Char('9')) * digits
        + metrics.horizontalAdvance(QLatin1Char(' '));
}

QColor YamlEditor::diagnosticColor(Diagnostic::Severity severity) const
{
    const bool dark = isDark(palette());
    if (severity == Diagnostic::Severity::Warning)
        return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xb2, 0x6a, 0x00);
    return dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xd3, 0x2f, 0x2f);
}

void YamlEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    updateGutterGeometry();
}

void YamlEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    switch (event->type()) {
    case QEvent::PaletteChange:
        Highlighter::setPalette(m_highlighter, palette());
        updateExtraSelections();
        m_gutter->update();
        break;
    case QEvent::FontChange:
        setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 2);
        updateGutterGeometry();
        break;
    case QEvent::ReadOnlyChange:
        // Read-only still lets the user move through the document and copy from it.
        if (isReadOnly())
            setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        updateExtraSelections();
        break;
    default:
        break;
    }
}

void YamlEditor::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    if (!isReadOnly() && (modifiers == Qt::NoModifier || modifiers == Qt::ShiftModifier)) {
        switch (event->key()) {
        case Qt::Key_Tab:
            if (modifiers == Qt::NoModifier) {
                indentLines(true);
                return;
            }
            break;
        case Qt::Key_Backtab:
            indentLines(false);
            return;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (modifiers == Qt::NoModifier) {
                insertIndentedNewline();
                return;
            }
            break;
        default:
            break;
        }
    }
    QPlainTextEdit::keyPressEvent(event);
}

void YamlEditor::indentLines(bool indent)
{
    QTextCursor cursor = textCursor();
    const QTextBlock first = document()->findBlock(cursor.selectionStart());
    const QTextBlock last = document()->findBlock(cursor.selectionEnd());
    if (indent && first == last) {
        // Within one line Tab inserts spaces up to the next indentation stop.
        cursor.insertText(
            QString(IndentWidth - cursor.positionInBlock() % IndentWidth, QLatin1Char(' ')));
        setTextCursor(cursor);
        return;
    }
    cursor.beginEditBlock();
    for (QTextBlock block = first; block.isValid(); block = block.next()) {
        QTextCursor line(block);
        if (indent) {
            if (!block.text().trimmed().isEmpty())
                line.insertText(QString(IndentWidth, QLatin1Char(' ')));
        } else {
            const int remove = std::min(indentationOf(block.text()), IndentWidth);
            line.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor, remove);
            line.removeSelectedText();
        }
        if (block == last)
            break;
    }
    cursor.endEditBlock();
}

void YamlEditor::insertIndentedNewline()
{
    QTextCursor cursor = textCursor();
    const QString before = cursor.block().text().left(cursor.positionInBlock());
    cursor.beginEditBlock();
    cursor.insertBlock();
    cursor.insertText(QString(indentationAfter(before, m_language), QLatin1Char(' ')));
    cursor.endEditBlock();
    setTextCursor(cursor);
    ensureCursorVisible();
}

bool YamlEditor::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = diagnosticToolTip(cursorForPosition(help->pos()).blockNumber() + 1);
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(),
                Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal), viewport());
        }
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

bool YamlEditor::gutterEvent(QEvent *event)
{
    auto *help = static_cast<QHelpEvent *>(event);
    const int block = lineAtY(help->pos().y());
    const QString text = block >= 0 ? diagnosticToolTip(block + 1) : QString();
    if (text.isEmpty()) {
        QToolTip::hideText();
        event->ignore();
    } else {
        QToolTip::showText(
            help->globalPos(), Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal), m_gutter);
    }
    return true;
}

void YamlEditor::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    painter.fillRect(event->rect(), mix(base, text, 0.05));

    const QFontMetrics metrics = fontMetrics();
    const int markerWidth = metrics.height();
    const int numberRight = m_gutter->width() - metrics.horizontalAdvance(QLatin1Char(' ')) / 2;
    const int currentBlock = textCursor().blockNumber();
    QFont numberFont = font();

    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int number = block.blockNumber();
            const bool current = number == currentBlock;
            numberFont.setBold(current);
            painter.setFont(numberFont);
            painter.setPen(current ? text : mix(text, base, 0.45));
            painter.drawText(QRect(markerWidth, top, numberRight - markerWidth, metrics.height()),
                Qt::AlignRight | Qt::AlignVCenter, QString::number(number + 1));

            if (const Mark *mark = worstMarkOnLine(number)) {
                const qreal diameter = metrics.height() * 0.55;
                const QRectF dot((markerWidth - diameter) / 2.0,
                    top + (metrics.height() - diameter) / 2.0, diameter, diameter);
                painter.save();
                painter.setRenderHint(QPainter::Antialiasing);
                painter.setPen(Qt::NoPen);
                painter.setBrush(diagnosticColor(mark->diagnostic.severity));
                painter.drawEllipse(dot);
                painter.restore();
            }
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

int YamlEditor::lineAtY(int y) const
{
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid()) {
        const int bottom = top + qRound(blockBoundingRect(block).height());
        if (block.isVisible() && y >= top && y < bottom)
            return block.blockNumber();
        if (top > y)
            break;
        block = block.next();
        top = bottom;
    }
    return -1;
}

void YamlEditor::updateGutterGeometry()
{
    const int width = gutterWidth();
    setViewportMargins(width, 0, 0, 0);
    const QRect r = contentsRect();
    m_gutter->setGeometry(QRect(r.left(), r.top(), width, r.height()));
}

void YamlEditor::updateGutterArea(const QRect &rect, int dy)
{
    if (dy)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
}

void YamlEditor::updateExtraSelections()
{
    const QPalette pal = palette();
    QList<QTextEdit::ExtraSelection> selections;

    QTextEdit::ExtraSelection currentLine;
    currentLine.format.setBackground(
        mix(pal.color(QPalette::Base), pal.color(QPalette::Highlight), isDark(pal) ? 0.25 : 0.12));
    currentLine.format.setProperty(QTextFormat::FullWidthSelection, true);
    currentLine.cursor = textCursor();
    currentLine.cursor.clearSelection();
    selections.append(currentLine);

    for (const Mark &mark : std::as_const(m_marks)) {
        QTextEdit::ExtraSelection underline;
        underline.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        underline.format.setUnderlineColor(diagnosticColor(mark.diagnostic.severity));
        underline.format.setToolTip(mark.diagnostic.message);
        underline.cursor = diagnosticRange(mark);
        selections.append(underline);
    }
    setExtraSelections(selections);
}

QTextCursor YamlEditor::diagnosticRange(const Mark &mark) const
{
    const QTextBlock block = mark.cursor.block();
    const QString text = block.text();
    const int column = mark.diagnostic.column;
    int start = 0;
    int end = 0;
    if (column >= 1 && column <= text.size()) {
        // From the column to the end of the token there (at least one character).
        start = column - 1;
        end = start + 1;
        while (end < text.size() && !text.at(end).isSpace())
            ++end;
    } else {
        // No usable column: the line's text without its indentation.
        while (start < text.size() && text.at(start).isSpace())
            ++start;
        end = int(text.size());
        while (end > start && text.at(end - 1).isSpace())
            --end;
    }
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + start);
    cursor.setPosition(block.position() + end, QTextCursor::KeepAnchor);
    return cursor;
}

const YamlEditor::Mark *YamlEditor::worstMarkOnLine(int blockNumber) const
{
    const Mark *worst = nullptr;
    for (const Mark &mark : m_marks) {
        if (mark.cursor.blockNumber() != blockNumber)
            continue;
        if (!worst || mark.diagnostic.severity == Diagnostic::Severity::Error)
            worst = &mark;
        if (worst->diagnostic.severity == Diagnostic::Severity::Error)
            break;
    }
    return worst;
}

} // namespace Qluster::Ui
