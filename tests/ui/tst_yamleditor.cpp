// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "editor/yamleditor.h"
#include "editor/yamlhighlighter.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QSignalSpy>
#include <QSyntaxHighlighter>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QToolTip>

using namespace Qluster;
using namespace Qluster::Ui;
using Kind = YamlHighlighter::Kind;

namespace {

const QString s_document = QStringLiteral("apiVersion: v1\n"
                                          "kind: Pod\n"
                                          "metadata:\n"
                                          "  name: web\n"
                                          "spec:\n"
                                          "  containers: []\n");

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Base, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
    p.setColor(QPalette::Window, QColor(0x31, 0x36, 0x3b));
    p.setColor(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    return p;
}

QTextCharFormat formatAt(const QTextBlock &block, int pos)
{
    QTextCharFormat result;
    const QList<QTextLayout::FormatRange> ranges = block.layout()->formats();
    for (const QTextLayout::FormatRange &range : ranges) {
        if (pos >= range.start && pos < range.start + range.length)
            result = range.format;
    }
    return result;
}

QList<QTextEdit::ExtraSelection> underlines(const YamlEditor &editor)
{
    QList<QTextEdit::ExtraSelection> result;
    const QList<QTextEdit::ExtraSelection> all = editor.extraSelections();
    for (const QTextEdit::ExtraSelection &s : all) {
        if (s.format.underlineStyle() == QTextCharFormat::WaveUnderline)
            result << s;
    }
    return result;
}

int currentLineSelection(const YamlEditor &editor)
{
    const QList<QTextEdit::ExtraSelection> all = editor.extraSelections();
    int line = -1;
    for (const QTextEdit::ExtraSelection &s : all) {
        if (s.format.property(QTextFormat::FullWidthSelection).toBool()) {
            if (line != -1)
                return -2; // more than one current line
            line = s.cursor.blockNumber();
        }
    }
    return line;
}

// The y coordinate (in the gutter and the viewport) of the middle of 1-based `line`.
int lineMiddle(YamlEditor &editor, int line)
{
    QTextCursor cursor(editor.document()->findBlockByNumber(line - 1));
    return editor.cursorRect(cursor).center().y();
}

bool rowHasColour(const QImage &image, int y, const QColor &colour)
{
    for (int x = 0; x < image.width(); ++x) {
        const QColor c = image.pixelColor(x, y);
        if (std::abs(c.red() - colour.red()) < 16 && std::abs(c.green() - colour.green()) < 16
            && std::abs(c.blue() - colour.blue()) < 16) {
            return true;
        }
    }
    return false;
}

} // namespace

class tst_YamlEditor final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup();
    void defaults();
    void gutterGrowsWithLineCount();
    void highlightsByLanguage();
    void currentLineIsHighlighted();
    void readOnlyStillNavigates();
    void diagnosticsUnderlineFromColumn_data();
    void diagnosticsUnderlineFromColumn();
    void diagnosticsOutOfRangeAndTooltipText();
    void diagnosticsFollowEdits();
    void gutterPaintsMarkers();
    void tooltipsOnTextAndGutter();
    void darkPalette();
    void enterKeepsIndentation_data();
    void enterKeepsIndentation();
    void tabIndentsWithSpaces();
    void diagnosticFromError();
};

void tst_YamlEditor::cleanup()
{
    QToolTip::hideText();
}

void tst_YamlEditor::defaults()
{
    YamlEditor editor;
    QCOMPARE(editor.font().family(), QFontDatabase::systemFont(QFontDatabase::FixedFont).family());
    QCOMPARE(editor.lineWrapMode(), QPlainTextEdit::NoWrap);
    QCOMPARE(editor.language(), Highlighter::Language::Yaml);
    QVERIFY(editor.highlighter());
    QCOMPARE(editor.highlighter()->document(), editor.document());
    QVERIFY(!editor.isReadOnly());
    QVERIFY(editor.gutter());
    // The text starts right after the gutter.
    QCOMPARE(editor.gutter()->width(), editor.gutterWidth());
    QCOMPARE(editor.viewport()->geometry().left(), editor.gutter()->geometry().right() + 1);
    QVERIFY(editor.gutterWidth() > editor.fontMetrics().horizontalAdvance(QStringLiteral("99")));
}

void tst_YamlEditor::gutterGrowsWithLineCount()
{
    YamlEditor editor;
    editor.resize(400, 300);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setPlainText(s_document);
    const int small = editor.gutterWidth();
    QCOMPARE(editor.gutter()->width(), small);

    QStringList lines;
    for (int i = 0; i < 1200; ++i)
        lines << QStringLiteral("k%1: v").arg(i);
    editor.setPlainText(lines.join(u'\n'));
    const int large = editor.gutterWidth();
    QVERIFY2(large > small, qPrintable(QStringLiteral("%1 <= %2").arg(large).arg(small)));
    QCOMPARE(editor.gutter()->width(), large);
    QCOMPARE(editor.viewport()->geometry().left(), editor.gutter()->geometry().right() + 1);
}

void tst_YamlEditor::highlightsByLanguage()
{
    YamlEditor editor;
    editor.setPlainText(s_document);
    QSyntaxHighlighter *first = editor.highlighter();
    QVERIFY(first);
    QVERIFY(!editor.document()->firstBlock().layout()->formats().isEmpty());

    editor.setLanguage(Highlighter::Language::Json);
    QCOMPARE(editor.language(), Highlighter::Language::Json);
    editor.setPlainText(QStringLiteral("{\"kind\": \"Pod\", \"n\": 3}"));
    QCOMPARE(editor.findChildren<QSyntaxHighlighter *>().size(), 1); // the YAML one is gone
    QCOMPARE(editor.highlighter()->document(), editor.document());
    const QTextBlock block = editor.document()->firstBlock();
    // A highlighter attached to a non-empty document highlights it from the event loop.
    QTRY_VERIFY(!block.layout()->formats().isEmpty());

    // With the built-in backend, check the formats themselves.
    if (Highlighter::backend() == Highlighter::Backend::BuiltIn) {
        auto *json = qobject_cast<YamlHighlighter *>(editor.highlighter());
        QVERIFY(json);
        QCOMPARE(json->language(), Highlighter::Language::Json);
        QCOMPARE(formatAt(block, 1), json->formatFor(Kind::Key));
        QCOMPARE(formatAt(block, 9), json->formatFor(Kind::String));
        QCOMPARE(formatAt(block, 21), json->formatFor(Kind::Number));

        editor.setLanguage(Highlighter::Language::Yaml);
        editor.setPlainText(s_document);
        auto *yaml = qobject_cast<YamlHighlighter *>(editor.highlighter());
        QVERIFY(yaml);
        QTRY_VERIFY(!editor.document()->firstBlock().layout()->formats().isEmpty());
        QCOMPARE(yaml->language(), Highlighter::Language::Yaml);
        QCOMPARE(formatAt(editor.document()->firstBlock(), 0), yaml->formatFor(Kind::Key));
    }
}

void tst_YamlEditor::currentLineIsHighlighted()
{
    YamlEditor editor;
    editor.setPlainText(s_document);
    editor.moveCursorTo(2, 3);
    QCOMPARE(editor.textCursor().blockNumber(), 1);
    QCOMPARE(editor.textCursor().positionInBlock(), 2);
    QCOMPARE(currentLineSelection(editor), 1);

    editor.moveCursorTo(4);
    QCOMPARE(currentLineSelection(editor), 3);

    // Clamped to the document.
    editor.moveCursorTo(99, 99);
    QCOMPARE(editor.textCursor().blockNumber(), editor.document()->blockCount() - 1);
}

void tst_YamlEditor::readOnlyStillNavigates()
{
    YamlEditor editor;
    editor.setPlainText(s_document);
    editor.setReadOnly(true);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setFocus();
    QVERIFY(editor.isReadOnly());
    QVERIFY(editor.textInteractionFlags() & Qt::TextSelectableByKeyboard);

    editor.moveCursorTo(1);
    QTest::keyClicks(&editor, QStringLiteral("xyz"));
    QCOMPARE(editor.toPlainText(), s_document);
    QTest::keyClick(&editor, Qt::Key_Down);
    QTest::keyClick(&editor, Qt::Key_Down);
    QCOMPARE(editor.textCursor().blockNumber(), 2);
    QCOMPARE(currentLineSelection(editor), 2);

    editor.setReadOnly(false);
    QTest::keyClicks(&editor, QStringLiteral("#"));
    QVERIFY(editor.toPlainText().contains(QStringLiteral("#metadata:")));
}

void tst_YamlEditor::diagnosticsUnderlineFromColumn_data()
{
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("underlined");

    QTest::newRow("token at column") << 2 << 7 << QStringLiteral("Pod");
    QTest::newRow("column inside a token") << 4 << 5 << QStringLiteral("me:");
    QTest::newRow("column on a space") << 4 << 1 << QStringLiteral(" ");
    QTest::newRow("no column: whole line without indentation")
        << 6 << 0 << QStringLiteral("containers: []");
    QTest::newRow("column past the end: whole line") << 3 << 40 << QStringLiteral("metadata:");
}

void tst_YamlEditor::diagnosticsUnderlineFromColumn()
{
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, underlined);

    YamlEditor editor;
    editor.setPlainText(s_document);
    QSignalSpy changed(&editor, &YamlEditor::diagnosticsChanged);
    editor.setDiagnostics({Diagnostic {line, column, QStringLiteral("problem")}});
    QCOMPARE(changed.size(), 1);

    const QList<QTextEdit::ExtraSelection> marks = underlines(editor);
    QCOMPARE(marks.size(), 1);
    QCOMPARE(marks.first().cursor.blockNumber(), line - 1);
    QCOMPARE(marks.first().cursor.selectedText(), underlined);
    QCOMPARE(
        marks.first().format.underlineColor(), editor.diagnosticColor(Diagnostic::Severity::Error));
    QCOMPARE(marks.first().format.toolTip(), QStringLiteral("problem"));
    // The current-line highlight is still there.
    QCOMPARE(currentLineSelection(editor), 0);

    editor.clearDiagnostics();
    QCOMPARE(changed.size(), 2);
    QVERIFY(underlines(editor).isEmpty());
    QVERIFY(editor.diagnostics().isEmpty());
}

void tst_YamlEditor::diagnosticsOutOfRangeAndTooltipText()
{
    YamlEditor editor;
    editor.setPlainText(QStringLiteral("a: 1\nb: [\n"));
    const QList<Diagnostic> given {
        {2, 4, QStringLiteral("flow sequence not closed")},
        {2, 0, QStringLiteral("b looks odd"), Diagnostic::Severity::Warning},
        {40, 1, QStringLiteral("unexpected end of stream")},
    };
    editor.setDiagnostics(given);

    QCOMPARE(editor.diagnosticToolTip(1), QString());
    QCOMPARE(editor.diagnosticToolTip(2),
        QStringLiteral("Error at column 4: flow sequence not closed\nWarning: b looks odd"));
    // Past the end: shown on the last line.
    const int last = editor.document()->blockCount();
    QCOMPARE(editor.diagnosticToolTip(last),
        QStringLiteral("Error at column 1: unexpected end of stream"));
    const QList<Diagnostic> shown = editor.diagnostics();
    QCOMPARE(shown.size(), 3);
    QCOMPARE(shown.at(0), given.at(0));
    QCOMPARE(shown.at(1), given.at(1));
    QCOMPARE(shown.at(2).line, last);
    QCOMPARE(underlines(editor).size(), 3);
    QCOMPARE(underlines(editor).at(1).format.underlineColor(),
        editor.diagnosticColor(Diagnostic::Severity::Warning));
    QVERIFY(editor.diagnosticColor(Diagnostic::Severity::Warning)
        != editor.diagnosticColor(Diagnostic::Severity::Error));
}

void tst_YamlEditor::diagnosticsFollowEdits()
{
    YamlEditor editor;
    editor.setPlainText(s_document);
    editor.setDiagnostics({{2, 7, QStringLiteral("bad kind")}});

    QTextCursor cursor(editor.document());
    cursor.insertText(QStringLiteral("# a comment\n# another\n"));
    QCOMPARE(editor.diagnostics().first().line, 4);
    QCOMPARE(editor.diagnosticToolTip(4), QStringLiteral("Error at column 7: bad kind"));
    QCOMPARE(editor.diagnosticToolTip(2), QString());
    const QList<QTextEdit::ExtraSelection> marks = underlines(editor);
    QCOMPARE(marks.size(), 1);
    QCOMPARE(marks.first().cursor.selectedText(), QStringLiteral("Pod"));

    // Typing at the start of the marked line keeps the mark on it.
    editor.moveCursorTo(4, 1);
    QTest::keyClicks(&editor, QStringLiteral("x"));
    QCOMPARE(editor.diagnostics().first().line, 4);

    // Highlighting again (new colours, another language) is no edit: the marks stay.
    editor.highlighter()->rehighlight();
    editor.setLanguage(Highlighter::Language::Json);
    QTRY_VERIFY(editor.document()->findBlockByNumber(3).layout()->formats().isEmpty());
    editor.setLanguage(Highlighter::Language::Yaml);
    QTRY_VERIFY(!editor.document()->findBlockByNumber(3).layout()->formats().isEmpty());
    QCOMPARE(editor.diagnostics().size(), 1);

    // New text replaces the document: its old marks go.
    QSignalSpy changed(&editor, &YamlEditor::diagnosticsChanged);
    editor.setPlainText(s_document);
    QCOMPARE(changed.size(), 1);
    QVERIFY(editor.diagnostics().isEmpty());
    QVERIFY(underlines(editor).isEmpty());

    editor.setDiagnostics({{1, 1, QStringLiteral("first")}});
    editor.selectAll();
    QTest::keyClicks(&editor, QStringLiteral("a"));
    QCOMPARE(editor.toPlainText(), QStringLiteral("a"));
    QVERIFY(editor.diagnostics().isEmpty());
}

void tst_YamlEditor::gutterPaintsMarkers()
{
    YamlEditor editor;
    editor.resize(500, 400);
    editor.setPlainText(s_document);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setDiagnostics({
        {2, 1, QStringLiteral("error here")},
        {4, 3, QStringLiteral("warning here"), Diagnostic::Severity::Warning},
    });

    const QColor error = editor.diagnosticColor(Diagnostic::Severity::Error);
    const QColor warning = editor.diagnosticColor(Diagnostic::Severity::Warning);
    const QImage gutter = editor.gutter()->grab().toImage();
    const qreal ratio = gutter.devicePixelRatio();
    const auto row = [&](int line) { return int(lineMiddle(editor, line) * ratio); };

    QVERIFY(rowHasColour(gutter, row(2), error));
    QVERIFY(!rowHasColour(gutter, row(2), warning));
    QVERIFY(rowHasColour(gutter, row(4), warning));
    for (int line : {1, 3, 5}) {
        QVERIFY2(!rowHasColour(gutter, row(line), error), qPrintable(QString::number(line)));
        QVERIFY2(!rowHasColour(gutter, row(line), warning), qPrintable(QString::number(line)));
    }

    editor.clearDiagnostics();
    const QImage cleared = editor.gutter()->grab().toImage();
    QVERIFY(!rowHasColour(cleared, row(2), error));
    QVERIFY(!rowHasColour(cleared, row(4), warning));
}

void tst_YamlEditor::tooltipsOnTextAndGutter()
{
    YamlEditor editor;
    editor.resize(500, 400);
    editor.setPlainText(s_document);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setDiagnostics({{2, 7, QStringLiteral("expected <Pod|Service>")}});

    const QPoint onLine2(40, lineMiddle(editor, 2));
    QHelpEvent text(QEvent::ToolTip, onLine2, editor.viewport()->mapToGlobal(onLine2));
    QCoreApplication::sendEvent(editor.viewport(), &text);
    QTRY_VERIFY(QToolTip::isVisible());
    // Plain text, escaped for the rich-text tooltip.
    QVERIFY2(QToolTip::text().contains(QStringLiteral("expected &lt;Pod|Service&gt;")),
        qPrintable(QToolTip::text()));

    QToolTip::hideText();
    QTRY_VERIFY(!QToolTip::isVisible());
    const QPoint onLine1(40, lineMiddle(editor, 1));
    QHelpEvent none(QEvent::ToolTip, onLine1, editor.viewport()->mapToGlobal(onLine1));
    QCoreApplication::sendEvent(editor.viewport(), &none);
    QTest::qWait(50);
    QVERIFY(!QToolTip::isVisible());

    const QPoint inGutter(2, lineMiddle(editor, 2));
    QHelpEvent gutter(QEvent::ToolTip, inGutter, editor.gutter()->mapToGlobal(inGutter));
    QCoreApplication::sendEvent(editor.gutter(), &gutter);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY(QToolTip::text().contains(QStringLiteral("Error at column 7")));

    // Clicking a line number moves the cursor there.
    QTest::mouseClick(editor.gutter(), Qt::LeftButton, {}, QPoint(5, lineMiddle(editor, 5)));
    QCOMPARE(editor.textCursor().blockNumber(), 4);
}

void tst_YamlEditor::darkPalette()
{
    YamlEditor editor;
    editor.setPlainText(s_document);
    editor.setDiagnostics({{1, 1, QStringLiteral("x")}});
    const QColor lightError = editor.diagnosticColor(Diagnostic::Severity::Error);
    const QBrush lightLine = editor.extraSelections().first().format.background();

    QColor lightKey;
    auto *builtIn = qobject_cast<YamlHighlighter *>(editor.highlighter());
    if (builtIn)
        lightKey = builtIn->formatFor(Kind::Key).foreground().color();

    editor.setPalette(::darkPalette());
    const QColor darkError = editor.diagnosticColor(Diagnostic::Severity::Error);
    QVERIFY(darkError != lightError);
    QVERIFY(darkError.lightness() > 128);
    QCOMPARE(underlines(editor).first().format.underlineColor(), darkError);
    const QBrush darkLine = editor.extraSelections().first().format.background();
    QVERIFY(darkLine != lightLine);
    QVERIFY(darkLine.color().lightness() < 128);
    if (builtIn) {
        const QColor darkKey = builtIn->formatFor(Kind::Key).foreground().color();
        QVERIFY(darkKey != lightKey);
        QVERIFY(darkKey.lightness() > 128);
        QCOMPARE(formatAt(editor.document()->firstBlock(), 0), builtIn->formatFor(Kind::Key));
    }
}

void tst_YamlEditor::enterKeepsIndentation_data()
{
    QTest::addColumn<Highlighter::Language>("language");
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("indentation");

    const auto yaml = [](const char *line, int indentation) {
        QTest::newRow(line) << Highlighter::Language::Yaml << QString::fromUtf8(line)
                            << indentation;
    };
    yaml("kind: Pod", 0);
    yaml("metadata:", 2);
    yaml("  labels:", 4);
    yaml("    app: web", 4);
    yaml("- name: web", 2);
    yaml("  - name: web", 4);
    yaml("- - a", 4);
    yaml("- ", 2);
    yaml("  containers: # the pods", 4);
    yaml("  image: nginx # note:", 2);
    yaml("data: |", 2);
    yaml("- script: >-", 4);
    yaml("- |", 2);
    yaml("  # comment", 2);
    yaml("", 0);
    const auto json = [](const char *line, int indentation) {
        QTest::newRow(line) << Highlighter::Language::Json << QString::fromUtf8(line)
                            << indentation;
    };
    json("{", 2);
    json("  \"items\": [", 4);
    json("    \"a\": 1,", 4);
}

void tst_YamlEditor::enterKeepsIndentation()
{
    QFETCH(Highlighter::Language, language);
    QFETCH(QString, line);
    QFETCH(int, indentation);

    YamlEditor editor;
    editor.setLanguage(language);
    editor.setPlainText(line + QStringLiteral("\nnext"));
    editor.moveCursorTo(1, int(line.size()) + 1);
    QTest::keyClick(&editor, Qt::Key_Return);
    QCOMPARE(editor.document()->findBlockByNumber(1).text(), QString(indentation, u' '));
    QCOMPARE(editor.textCursor().blockNumber(), 1);
    QCOMPARE(editor.textCursor().positionInBlock(), indentation);
    QCOMPARE(editor.document()->findBlockByNumber(2).text(), QStringLiteral("next"));

    // One undo step takes the new line back.
    editor.undo();
    QCOMPARE(editor.toPlainText(), line + QStringLiteral("\nnext"));
}

void tst_YamlEditor::tabIndentsWithSpaces()
{
    YamlEditor editor;
    editor.setPlainText(QStringLiteral("a:\nb: 1\n\nc: 2"));
    editor.moveCursorTo(2);
    QTest::keyClick(&editor, Qt::Key_Tab);
    QCOMPARE(editor.document()->findBlockByNumber(1).text(), QStringLiteral("  b: 1"));
    QTest::keyClick(&editor, Qt::Key_Right);
    QTest::keyClick(&editor, Qt::Key_Tab); // from column 3 to the next stop, column 4
    QCOMPARE(editor.document()->findBlockByNumber(1).text(), QStringLiteral("  b : 1"));
    QVERIFY(!editor.toPlainText().contains(u'\t'));

    // With lines selected Tab indents them all (not the empty one), Shift+Tab unindents.
    QTextCursor cursor = editor.textCursor();
    cursor.setPosition(0);
    cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    editor.setTextCursor(cursor);
    QTest::keyClick(&editor, Qt::Key_Tab);
    QCOMPARE(editor.toPlainText(), QStringLiteral("  a:\n    b : 1\n\n  c: 2"));
    QTest::keyClick(&editor, Qt::Key_Backtab);
    QTest::keyClick(&editor, Qt::Key_Backtab);
    QCOMPARE(editor.toPlainText(), QStringLiteral("a:\nb : 1\n\nc: 2"));

    // Read-only: Tab does not change the text.
    editor.setReadOnly(true);
    QTest::keyClick(&editor, Qt::Key_Tab);
    QCOMPARE(editor.toPlainText(), QStringLiteral("a:\nb : 1\n\nc: 2"));
}

void tst_YamlEditor::diagnosticFromError()
{
    const Diagnostic d = Diagnostic::fromError(
        Error::parse(QStringLiteral("pod.yaml"), 3, 7, QStringLiteral("bad indentation")));
    QCOMPARE(d.line, 3);
    QCOMPARE(d.column, 7);
    QCOMPARE(d.message, QStringLiteral("bad indentation"));
    QCOMPARE(d.severity, Diagnostic::Severity::Error);

    const Diagnostic nowhere = Diagnostic::fromError(Error::invalid(QStringLiteral("empty")));
    QCOMPARE(nowhere.line, 1);
    QCOMPARE(nowhere.column, 0);
}

QTEST_MAIN(tst_YamlEditor)
#include "tst_yamleditor.moc"
