// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "yamlhighlighter.h"

#include "edit/yamljson.h"

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <vector>

namespace Qluster::Ui {

namespace {

using Kind = YamlHighlighter::Kind;

struct Span
{
    int start;
    int length;
    Kind kind;
};

// What a line inherits from the lines above it, packed into QTextBlock's user state.
struct LineState
{
    enum class Mode { Plain = 0, BlockScalar = 1, DoubleQuoted = 2, SingleQuoted = 3 };

    Mode mode = Mode::Plain;
    int flowDepth = 0; // open [ and { (Plain, DoubleQuoted, SingleQuoted)
    int parentIndent = -1; // BlockScalar: indentation of the collection that holds the scalar
    int contentIndent = -1; // BlockScalar: indentation of its content, -1 until a line sets it

    static constexpr int MaxIndent = 1000;

    static LineState decode(int state)
    {
        LineState s;
        if (state < 0)
            return s;
        s.mode = Mode(state & 0xf);
        if (s.mode == Mode::BlockScalar) {
            s.parentIndent = ((state >> 4) & 0x3ff) - 1;
            s.contentIndent = ((state >> 14) & 0x3ff) - 1;
        } else {
            s.flowDepth = (state >> 4) & 0xff;
        }
        return s;
    }

    int encode() const
    {
        if (mode == Mode::BlockScalar) {
            return int(mode) | ((std::clamp(parentIndent, -1, MaxIndent) + 1) << 4)
                | ((std::clamp(contentIndent, -1, MaxIndent) + 1) << 14);
        }
        return int(mode) | (std::clamp(flowDepth, 0, 0xff) << 4);
    }
};

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t';
}

bool isFlowIndicator(QChar c)
{
    return c == u',' || c == u'[' || c == u']' || c == u'{' || c == u'}';
}

int leadingSpaces(QStringView text)
{
    int i = 0;
    while (i < text.size() && text[i] == u' ')
        ++i;
    return i;
}

bool isJsonNumber(QStringView word)
{
    static const QRegularExpression number(
        QStringLiteral("^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?$"));
    return number.match(word.toString()).hasMatch();
}

// Scans the quoted scalar whose body starts at `from` (just after an opening quote, or at the
// start of a continuation line). Returns the index just past the closing quote, or -1 when the
// line ends first; escape sequences are appended to `escapes`.
int scanQuoted(QStringView text, int from, QChar quote, std::vector<Span> &escapes)
{
    const int n = int(text.size());
    int i = from;
    while (i < n) {
        const QChar c = text[i];
        if (quote == u'"' && c == u'\\') {
            int length = 2;
            if (i + 1 < n) {
                const QChar e = text[i + 1];
                if (e == u'x')
                    length = 4;
                else if (e == u'u')
                    length = 6;
                else if (e == u'U')
                    length = 10;
            }
            length = std::min(length, n - i);
            escapes.push_back({i, length, Kind::Escape});
            i += length;
            continue;
        }
        if (c == quote) {
            if (quote == u'\'' && i + 1 < n && text[i + 1] == u'\'') {
                escapes.push_back({i, 2, Kind::Escape});
                i += 2;
                continue;
            }
            return i + 1;
        }
        ++i;
    }
    return -1;
}

// Highlights one line of YAML. It keeps only what a single line shows (whether a node may start
// here, the column of the last key and list dash) plus the LineState carried between lines.
class YamlLineScanner
{
public:
    YamlLineScanner(QStringView text, LineState state, std::vector<Span> &spans)
        : m_text(text)
        , m_n(int(text.size()))
        , m_state(state)
        , m_spans(spans)
    {
    }

    LineState run()
    {
        if (m_state.mode == LineState::Mode::BlockScalar && !continueBlockScalar())
            return m_state;
        if (m_state.mode == LineState::Mode::DoubleQuoted
            || m_state.mode == LineState::Mode::SingleQuoted) {
            if (!continueQuoted())
                return m_state;
        } else if (startOfDocument()) {
            return m_state;
        } else {
            markTabsInIndentation();
        }
        scanTokens();
        return m_state;
    }

private:
    bool blankAt(int i) const { return i >= m_n || isBlank(m_text[i]); }
    bool inFlow() const { return m_state.flowDepth > 0; }
    void add(int start, int length, Kind kind)
    {
        if (length > 0)
            m_spans.push_back({start, length, kind});
    }

    bool isDocumentMarker() const
    {
        return m_n >= 3 && (m_text.startsWith(u"---") || m_text.startsWith(u"...")) && blankAt(3);
    }

    // YAML 1.2 §6.1: "tab characters must not be used in indentation"; kubectl fails on them
    // with "found character that cannot start any token".
    void markTabsInIndentation()
    {
        for (int i = 0; i < m_n && isBlank(m_text[i]); ++i) {
            if (m_text[i] == u'\t')
                add(i, 1, Kind::Error);
        }
    }

    // Returns false when the whole line belongs to the block scalar.
    bool continueBlockScalar()
    {
        if (isDocumentMarker()) {
            m_state = LineState();
            return true;
        }
        const int indent = leadingSpaces(m_text);
        if (m_text.trimmed().isEmpty())
            return false; // blank lines belong to the scalar whatever their indentation
        if (m_state.contentIndent < 0) {
            if (indent <= m_state.parentIndent) {
                m_state = LineState();
                return true;
            }
            m_state.contentIndent = indent;
        }
        if (indent < m_state.contentIndent) {
            m_state = LineState();
            return true;
        }
        add(m_state.contentIndent, m_n - m_state.contentIndent, Kind::String);
        return false;
    }

    // Returns false when the quoted scalar goes on past this line.
    bool continueQuoted()
    {
        const QChar quote = m_state.mode == LineState::Mode::DoubleQuoted ? u'"' : u'\'';
        const int from = leadingSpaces(m_text);
        std::vector<Span> escapes;
        const int end = scanQuoted(m_text, from, quote, escapes);
        add(from, (end < 0 ? m_n : end) - from, Kind::String);
        m_spans.insert(m_spans.end(), escapes.begin(), escapes.end());
        if (end < 0)
            return false;
        m_state.mode = LineState::Mode::Plain;
        m_pos = end;
        m_nodeStart = false;
        return true;
    }

    // Handles document markers and directives; returns true when nothing else is on the line.
    bool startOfDocument()
    {
        if (isDocumentMarker()) {
            add(0, 3, Kind::DocumentMarker);
            m_state.flowDepth = 0;
            m_pos = 3;
            m_documentStart = m_text.startsWith(u"---");
            m_nodeStart = m_documentStart;
            return false;
        }
        if (!inFlow() && m_n > 0 && m_text[0] == u'%') {
            int end = 0;
            while (end < m_n && !(m_text[end] == u'#' && end > 0 && isBlank(m_text[end - 1])))
                ++end;
            add(0, end, Kind::DocumentMarker);
            if (end < m_n)
                add(end, m_n - end, Kind::Comment);
            return true;
        }
        return false;
    }

    void scanTokens()
    {
        while (m_pos < m_n) {
            const QChar c = m_text[m_pos];
            if (isBlank(c)) {
                ++m_pos;
            } else if (c == u'#' && (m_pos == 0 || isBlank(m_text[m_pos - 1]))) {
                add(m_pos, m_n - m_pos, Kind::Comment);
                return;
            } else if (c == u'"' || c == u'\'') {
                if (!scanQuotedToken(c))
                    return;
            } else if (c == u'&' || c == u'*' || c == u'!') {
                const int end = wordEnd(m_pos + 1);
                add(m_pos, end - m_pos,
                    c == u'&'       ? Kind::Anchor
                        : c == u'*' ? Kind::Alias
                                    : Kind::Tag);
                if (c == u'*')
                    m_nodeStart = false;
                m_pos = end;
            } else if ((c == u'-' || c == u'?') && m_nodeStart && blankAt(m_pos + 1)
                && (c == u'?' || !inFlow())) {
                add(m_pos, 1, Kind::Indicator);
                if (c == u'-')
                    m_dashColumn = m_pos;
                else
                    m_complexKey = true;
                ++m_pos;
            } else if (c == u':'
                && (blankAt(m_pos + 1) || (inFlow() && isFlowIndicator(m_text[m_pos + 1])))) {
                add(m_pos, 1, Kind::Indicator);
                m_nodeStart = true;
                ++m_pos;
            } else if ((c == u'|' || c == u'>') && !inFlow()) {
                if (blockScalarHeader())
                    return;
                m_pos = m_n; // a malformed header: leave the rest of the line alone
            } else if (c == u'[' || c == u'{') {
                ++m_state.flowDepth;
                m_nodeStart = true;
                ++m_pos;
            } else if (c == u']' || c == u'}') {
                m_state.flowDepth = std::max(0, m_state.flowDepth - 1);
                m_nodeStart = false;
                ++m_pos;
            } else if (c == u',' && inFlow()) {
                m_nodeStart = true;
                ++m_pos;
            } else {
                plainScalar();
            }
        }
    }

    // The end of an anchor, alias or tag name: the next blank (or flow indicator in a flow).
    int wordEnd(int from) const
    {
        int i = from;
        while (i < m_n && !isBlank(m_text[i]) && !(inFlow() && isFlowIndicator(m_text[i])))
            ++i;
        return i;
    }

    // Returns false when the scalar continues on the next line.
    bool scanQuotedToken(QChar quote)
    {
        const int start = m_pos;
        std::vector<Span> escapes;
        const int end = scanQuoted(m_text, start + 1, quote, escapes);
        if (end < 0) {
            add(start, m_n - start, Kind::String);
            m_spans.insert(m_spans.end(), escapes.begin(), escapes.end());
            m_state.mode
                = quote == u'"' ? LineState::Mode::DoubleQuoted : LineState::Mode::SingleQuoted;
            return false;
        }
        int next = end;
        while (next < m_n && isBlank(m_text[next]))
            ++next;
        // In a flow collection a quoted key may be followed directly by ':' (JSON style).
        const bool key = next < m_n && m_text[next] == u':' && (blankAt(next + 1) || inFlow());
        if (key || m_complexKey) {
            add(start, end - start, Kind::Key);
            m_keyColumn = start;
            m_complexKey = false;
        } else {
            add(start, end - start, Kind::String);
            m_spans.insert(m_spans.end(), escapes.begin(), escapes.end());
        }
        if (key) {
            add(next, 1, Kind::Indicator);
            m_nodeStart = true;
            m_pos = next + 1;
        } else {
            m_nodeStart = false;
            m_pos = end;
        }
        return true;
    }

    // '|' or '>' with optional indentation (1-9) and chomping (+/-) indicators, in either order.
    bool blockScalarHeader()
    {
        const int start = m_pos;
        int i = start + 1;
        int indentation = 0;
        bool chomping = false;
        for (int k = 0; k < 2 && i < m_n; ++k) {
            const QChar c = m_text[i];
            if (indentation == 0 && c >= u'1' && c <= u'9') {
                indentation = c.digitValue();
                ++i;
            } else if (!chomping && (c == u'+' || c == u'-')) {
                chomping = true;
                ++i;
            } else {
                break;
            }
        }
        if (!blankAt(i))
            return false;
        add(start, i - start, Kind::Indicator);
        while (i < m_n && isBlank(m_text[i]))
            ++i;
        if (i < m_n && m_text[i] == u'#')
            add(i, m_n - i, Kind::Comment);

        // The content must be more indented than the innermost block collection: the mapping
        // whose key is on this line, else the sequence whose dash is, else the line's own level
        // (YAML 1.2 §8.1.1.1); at the top of a document that is column 0 and up.
        LineState block;
        block.mode = LineState::Mode::BlockScalar;
        if (m_keyColumn >= 0)
            block.parentIndent = m_keyColumn;
        else if (m_dashColumn >= 0)
            block.parentIndent = m_dashColumn;
        else if (m_documentStart)
            block.parentIndent = -1;
        else
            block.parentIndent = leadingSpaces(m_text) - 1;
        if (indentation > 0)
            block.contentIndent = std::max(block.parentIndent, 0) + indentation;
        m_state = block;
        return true;
    }

    void plainScalar()
    {
        const int start = m_pos;
        int i = start;
        int end = start;
        bool key = false;
        while (i < m_n) {
            const QChar c = m_text[i];
            if (c == u':' && (blankAt(i + 1) || (inFlow() && isFlowIndicator(m_text[i + 1])))) {
                key = true;
                break;
            }
            if (c == u'#' && i > start && isBlank(m_text[i - 1]))
                break;
            if (inFlow() && isFlowIndicator(c))
                break;
            ++i;
            if (!isBlank(c))
                end = i;
        }
        if (key || m_complexKey) {
            add(start, end - start, Kind::Key);
            m_keyColumn = start;
            m_complexKey = false;
        } else {
            // What the word means is what the YAML reader makes of it (go-yaml v2's rules).
            const QJsonValue value = resolveYamlScalar(m_text.mid(start, end - start).toString());
            if (value.isNull() || value.isBool())
                add(start, end - start, Kind::Constant);
            else if (value.isDouble())
                add(start, end - start, Kind::Number);
        }
        m_nodeStart = false;
        m_pos = std::max(i, start + 1);
    }

    QStringView m_text;
    int m_n;
    LineState m_state;
    std::vector<Span> &m_spans;
    int m_pos = 0;
    bool m_nodeStart = true; // a node (list item, key, block scalar) may start here
    bool m_documentStart = false; // the line starts with "---"
    bool m_complexKey = false; // after "? ": the next scalar is a key
    int m_keyColumn = -1;
    int m_dashColumn = -1;
};

void scanJson(QStringView text, std::vector<Span> &spans)
{
    const int n = int(text.size());
    int i = 0;
    while (i < n) {
        const QChar c = text[i];
        if (c == u'"') {
            std::vector<Span> escapes;
            int end = scanQuoted(text, i + 1, u'"', escapes);
            if (end < 0)
                end = n; // JSON strings cannot span lines: show the error by colouring the rest
            int next = end;
            while (next < n && text[next].isSpace())
                ++next;
            if (next < n && text[next] == u':') {
                spans.push_back({i, end - i, Kind::Key});
            } else {
                spans.push_back({i, end - i, Kind::String});
                spans.insert(spans.end(), escapes.begin(), escapes.end());
            }
            i = end;
        } else if (c == u'-' || c.isDigit() || c.isLetter()) {
            int end = i + 1;
            while (end < n
                && (text[end].isLetterOrNumber() || text[end] == u'.' || text[end] == u'+'
                    || text[end] == u'-')) {
                ++end;
            }
            const QStringView word = text.mid(i, end - i);
            if (word == u"true" || word == u"false" || word == u"null")
                spans.push_back({i, end - i, Kind::Constant});
            else if (isJsonNumber(word))
                spans.push_back({i, end - i, Kind::Number});
            i = end;
        } else {
            ++i;
        }
    }
}

// WCAG 2 relative luminance and contrast ratio.
qreal luminance(const QColor &color)
{
    const auto channel
        = [](qreal c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    const QColor rgb = color.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF())
        + 0.0722 * channel(rgb.blueF());
}

qreal contrast(const QColor &a, const QColor &b)
{
    const qreal la = luminance(a);
    const qreal lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    const QColor x = a.toRgb();
    const QColor y = b.toRgb();
    return QColor::fromRgbF(float(x.redF() + (y.redF() - x.redF()) * t),
        float(x.greenF() + (y.greenF() - x.greenF()) * t),
        float(x.blueF() + (y.blueF() - x.blueF()) * t));
}

// Moves `wanted` towards the palette's text colour until it reads well on the palette's base
// (WCAG AA, 4.5:1), so unusual palettes stay legible too.
QColor readable(const QColor &wanted, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    for (int step = 0; step <= 10; ++step) {
        const QColor c = mix(wanted, text, step / 10.0);
        if (contrast(c, base) >= 4.5)
            return c;
    }
    return text;
}

} // namespace

YamlHighlighter::YamlHighlighter(QTextDocument *document, Highlighter::Language language,
    const QPalette &palette, QObject *parent)
    : QSyntaxHighlighter(parent)
    , m_language(language)
{
    buildFormats(palette);
    if (document)
        setDocument(document);
}

void YamlHighlighter::setPalette(const QPalette &palette)
{
    buildFormats(palette);
    rehighlight();
}

void YamlHighlighter::buildFormats(const QPalette &palette)
{
    // Same lightness test as KSyntaxHighlighting's codeeditor example.
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    const auto color = [&](const char *light, const char *darkName) {
        return readable(QColor(QLatin1String(dark ? darkName : light)), palette);
    };
    const auto make = [&](const QColor &foreground, bool bold = false, bool italic = false) {
        QTextCharFormat f;
        f.setForeground(foreground);
        if (bold)
            f.setFontWeight(QFont::Bold);
        if (italic)
            f.setFontItalic(true);
        return f;
    };
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    const QColor string = color("#1b6e20", "#a5d6a7");
    const QColor anchor = color("#a65300", "#ffcc66");

    m_formats[std::size_t(Kind::Key)] = make(color("#1a4f9c", "#7cb7ff"));
    m_formats[std::size_t(Kind::String)] = make(string);
    m_formats[std::size_t(Kind::Escape)] = make(string, true);
    m_formats[std::size_t(Kind::Number)] = make(color("#b03a2e", "#f4a37a"));
    m_formats[std::size_t(Kind::Constant)] = make(color("#8e24aa", "#d7a6ff"), true);
    m_formats[std::size_t(Kind::Comment)]
        = make(readable(mix(text, base, 0.45), palette), false, true);
    m_formats[std::size_t(Kind::Anchor)] = make(anchor, true);
    m_formats[std::size_t(Kind::Alias)] = make(anchor, false, true);
    m_formats[std::size_t(Kind::Tag)] = make(color("#00727a", "#66d9e8"));
    m_formats[std::size_t(Kind::DocumentMarker)] = make(color("#c2185b", "#ff7aa8"), true);
    QTextCharFormat error = make(color("#c62828", "#ff6b6b"));
    error.setBackground(mix(base, error.foreground().color(), 0.3));
    error.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    error.setUnderlineColor(error.foreground().color());
    m_formats[std::size_t(Kind::Error)] = error;
    m_formats[std::size_t(Kind::Indicator)] = make(readable(mix(text, base, 0.3), palette), true);
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    std::vector<Span> spans;
    if (m_language == Highlighter::Language::Json) {
        scanJson(text, spans);
        setCurrentBlockState(-1);
    } else {
        YamlLineScanner scanner(text, LineState::decode(previousBlockState()), spans);
        setCurrentBlockState(scanner.run().encode());
    }
    for (const Span &span : spans)
        setFormat(span.start, span.length, m_formats.at(std::size_t(span.kind)));
}

} // namespace Qluster::Ui
