// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "resourcetablemodel.h"

#include "api/duration.h"
#include "api/quantity.h"
#include "cache/resourcecache.h"

#include <QColor>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <numeric>
#include <optional>
#include <tuple>

namespace Qluster::Ui {

namespace {

bool isAgeTitle(const QString &title)
{
    return title.compare(QLatin1String("Age"), Qt::CaseInsensitive) == 0;
}

bool isStatusTitle(const QString &title)
{
    return title.compare(QLatin1String("Status"), Qt::CaseInsensitive) == 0
           || title.compare(QLatin1String("Phase"), Qt::CaseInsensitive) == 0;
}

// The value a cell sorts by when it has one: numbers, booleans, durations ("5d3h"), quantities
// ("128Mi"), "1/3" (READY: its first number) and "3 (5m ago)" (RESTARTS: the count).
// text is what the cell shows (cellText).
std::optional<double> cellNumber(const QVariant &value, const QString &text, bool durationFirst)
{
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Double:
        return value.toDouble();
    case QMetaType::Bool:
        return value.toBool() ? 1.0 : 0.0;
    case QMetaType::QString:
        break;
    default:
        return std::nullopt;
    }
    if (durationFirst) {
        if (auto d = parseDuration(text))
            return double(*d);
    }
    if (auto q = parseQuantity(text))
        return *q;
    if (auto d = parseDuration(text))
        return double(*d);
    const auto separator = std::find_if(text.cbegin(), text.cend(), [](QChar c) {
        return c == QLatin1Char('/') || c == QLatin1Char(' ');
    });
    const qsizetype cut = separator == text.cend() ? -1 : separator - text.cbegin();
    if (cut > 0) {
        bool ok = false;
        const double leading = QStringView(text).left(cut).toDouble(&ok);
        if (ok)
            return leading;
    }
    return std::nullopt;
}

// What a cell shows, as QVariant::toString would render displayValue's value, without the
// QVariant: integers without a fraction, other numbers shortest, booleans as words.
QString cellText(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::QString:
        return v.toString();
    case QMetaType::LongLong:
        return QString::number(v.toLongLong());
    case QMetaType::Double: {
        const double d = v.toDouble();
        if (d == double(qint64(d)))
            return QString::number(qint64(d));
        return QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    case QMetaType::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return v.toString();
    }
}

// Appends piece to text case-folded (ASCII folded in place, the rest by QString::toCaseFolded)
// and returns where it stands.
std::pair<int, int> appendFolded(QString &text, QStringView piece)
{
    const int offset = int(text.size());
    const bool ascii = std::all_of(piece.begin(), piece.end(), [](QChar c) { return c.unicode() < 0x80; });
    if (ascii) {
        text.resize(offset + piece.size());
        QChar *out = text.data() + offset;
        for (QChar c : piece) {
            const char16_t u = c.unicode();
            *out++ = QChar(u >= u'A' && u <= u'Z' ? char16_t(u + (u'a' - u'A')) : u);
        }
    } else {
        text += piece.toString().toCaseFolded();
    }
    const int length = int(text.size()) - offset;
    text += QLatin1Char('\n');
    return {offset, length};
}

} // namespace

ResourceTableModel::ResourceTableModel(std::shared_ptr<ResourceCache> cache, bool namespaceColumn,
                                       QObject *parent)
    : QAbstractTableModel(parent)
    , m_cache(std::move(cache))
    , m_namespaceColumn(namespaceColumn)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    rebuildColumns({}, false);
    if (m_cache) {
        // Whatever the store holds, even part of a list still arriving page by page.
        const ResourceStore &store = m_cache->store();
        rebuildColumns(store.columns(), store.isTable());
        for (ResourceObject &o : store.objects())
            m_rows.push_back(makeRow(std::move(o), 0));
        rebuildIndex(0);
        m_populated = m_cache->hasSynced() || !m_rows.empty();
        connect(m_cache.get(), &ResourceCache::objectsChanged, this, &ResourceTableModel::applyBatch);
    }
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &ResourceTableModel::tick);
    m_ticker.start();
}

ResourceTableModel::~ResourceTableModel() = default;

void ResourceTableModel::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
}

qint64 ResourceTableModel::nowMs() const
{
    return m_now().toMSecsSinceEpoch();
}

QList<ResourceTableModel::Column> ResourceTableModel::columnsFor(const QList<TableColumn> &columns,
                                                                 bool isTable) const
{
    QList<Column> out;
    if (m_namespaceColumn) {
        Column ns;
        ns.source = Column::Source::Namespace;
        ns.title = tr("Namespace");
        ns.type = QStringLiteral("string");
        out.append(ns);
    }
    if (!isTable || columns.isEmpty()) {
        Column name;
        name.source = Column::Source::Name;
        name.title = tr("Name");
        name.type = QStringLiteral("string");
        out.append(name);
        Column age;
        age.source = Column::Source::Age;
        age.title = tr("Age");
        age.type = QStringLiteral("date");
        out.append(age);
    } else {
        for (int i = 0; i < columns.size(); ++i) {
            const TableColumn &tc = columns.at(i);
            Column c;
            c.cell = i;
            c.title = tc.name;
            c.type = tc.type;
            c.priority = tc.priority;
            c.isStatus = isStatusTitle(tc.name);
            c.durationFirst = tc.type == QLatin1String("date")
                              || tc.name.contains(QLatin1String("age"), Qt::CaseInsensitive)
                              || tc.name.contains(QLatin1String("duration"), Qt::CaseInsensitive)
                              || tc.name.contains(QLatin1String("last"), Qt::CaseInsensitive);
            if (tc.format == QLatin1String("name"))
                c.source = Column::Source::Name;
            else if (isAgeTitle(tc.name))
                c.source = Column::Source::Age;
            out.append(c);
        }
    }
    return out;
}

void ResourceTableModel::rebuildColumns(const QList<TableColumn> &columns, bool isTable)
{
    m_columns = columnsFor(columns, isTable);
    m_ageColumn = -1;
    for (int i = 0; i < m_columns.size(); ++i) {
        if (m_columns.at(i).source == Column::Source::Age) {
            m_ageColumn = i;
            break;
        }
    }
}

void ResourceTableModel::rebuildIndex(int fromRow)
{
    if (fromRow == 0)
        m_index.clear();
    m_index.reserve(qsizetype(m_rows.size()));
    for (int i = fromRow; i < int(m_rows.size()); ++i)
        m_index.insert(m_rows[size_t(i)].object.key(), i);
}

QModelIndex ResourceTableModel::index(int row, int column, const QModelIndex &parent) const
{
    // As QAbstractTableModel::index, without its virtual rowCount()/columnCount() calls: sorting
    // 100,000 rows asks for millions of indexes.
    if (parent.isValid() || row < 0 || column < 0 || row >= int(m_rows.size()) || column >= m_columns.size())
        return QModelIndex();
    return createIndex(row, column);
}

int ResourceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ResourceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

const ResourceObject *ResourceTableModel::object(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return nullptr;
    return &m_rows[size_t(row)].object;
}

int ResourceTableModel::rowOf(const QString &key) const
{
    return m_index.value(key, -1);
}

QVariant ResourceTableModel::displayValue(const Row &row, const Column &column) const
{
    const ObjectMeta &meta = row.object.metadata;
    switch (column.source) {
    case Column::Source::Name:
        return meta.name;
    case Column::Source::Namespace:
        return meta.namespaceName;
    case Column::Source::Age:
        if (meta.creationTimestamp.isValid())
            return humanDuration(meta.creationTimestamp.msecsTo(m_now()) / 1000);
        if (column.cell >= 0 && column.cell < row.object.cells.size())
            return row.object.cells.at(column.cell);
        return QStringLiteral("<unknown>");
    case Column::Source::Cell:
        break;
    }
    if (column.cell < 0 || column.cell >= row.object.cells.size())
        return QVariant();
    const QVariant &v = row.object.cells.at(column.cell);
    switch (v.typeId()) {
    case QMetaType::Double: {
        const double d = v.toDouble();
        if (d == double(qint64(d)))
            return qint64(d);
        return d;
    }
    case QMetaType::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QMetaType::UnknownType:
        return QString();
    default:
        return v;
    }
}

ResourceTableModel::Row ResourceTableModel::makeRow(ResourceObject object, qint64 changedAtMs) const
{
    Row row{std::move(object), changedAtMs, {}, {}};
    indexRow(row);
    return row;
}

void ResourceTableModel::indexRow(Row &row) const
{
    const QList<Column> &columns = m_columns;
    const ObjectMeta &meta = row.object.metadata;
    QString &text = row.searchText;
    text.clear();
    text.reserve(32 * columns.size() + 64);
    row.keys.assign(size_t(columns.size()), CellKey{});
    for (int c = 0; c < columns.size(); ++c) {
        const Column &column = columns.at(c);
        CellKey &key = row.keys[size_t(c)];
        if (column.source == Column::Source::Age && meta.creationTimestamp.isValid()) {
            // Ascending age is descending creation time, which (unlike the age) does not tick,
            // so the order stays valid as AGE cells change. AGE text is not searched either.
            key.isNumber = true;
            key.number = -double(meta.creationTimestamp.toMSecsSinceEpoch());
            continue;
        }
        // An AGE column without creation times shows (and sorts by) its cell, like other cells.
        const bool hasCell = column.source != Column::Source::Name
                             && column.source != Column::Source::Namespace && column.cell >= 0
                             && column.cell < row.object.cells.size();
        const QVariant cell = hasCell ? row.object.cells.at(column.cell) : QVariant();
        QString shown;
        switch (column.source) {
        case Column::Source::Name:
            shown = meta.name;
            break;
        case Column::Source::Namespace:
            shown = meta.namespaceName;
            break;
        case Column::Source::Age:
            shown = displayValue(row, column).toString();
            break;
        case Column::Source::Cell:
            shown = cellText(cell);
            break;
        }
        std::tie(key.offset, key.length) = appendFolded(text, shown);
        for (int i = 0; i < 4; ++i)
            key.prefix = (key.prefix << 16) | (i < key.length ? text.at(key.offset + i).unicode() : 0u);
        if (!hasCell)
            continue;
        if (const auto number = cellNumber(cell, shown, column.durationFirst)) {
            key.isNumber = true;
            key.number = *number;
        }
    }
    appendFolded(text, meta.namespaceName);
    for (auto it = meta.labels.cbegin(); it != meta.labels.cend(); ++it)
        appendFolded(text, QString(it.key() + QLatin1Char('=') + it.value()));
    text.squeeze();
}

int ResourceTableModel::compareCells(int a, int b, int column) const
{
    const Row &x = m_rows[size_t(a)];
    const Row &y = m_rows[size_t(b)];
    const CellKey &p = x.keys[size_t(column)];
    const CellKey &q = y.keys[size_t(column)];
    if (p.isNumber && q.isNumber) {
        if (p.number != q.number)
            return p.number < q.number ? -1 : 1;
        return 0;
    }
    if (p.isNumber != q.isNumber)
        return p.isNumber ? -1 : 1; // numbers before text and empty cells
    if (p.prefix != q.prefix)
        return p.prefix < q.prefix ? -1 : 1;
    return QStringView(x.searchText).mid(p.offset, p.length).compare(QStringView(y.searchText).mid(q.offset, q.length));
}

int ResourceTableModel::compareTies(int a, int b) const
{
    // Ties keep a stable, meaningful order: by namespace, then name.
    const ObjectMeta &x = m_rows[size_t(a)].object.metadata;
    const ObjectMeta &y = m_rows[size_t(b)].object.metadata;
    if (const int c = x.namespaceName.compare(y.namespaceName))
        return c;
    return x.name.compare(y.name);
}

int ResourceTableModel::compareRows(int a, int b, int column) const
{
    if (const int c = compareCells(a, b, column))
        return c;
    return compareTies(a, b);
}

bool ResourceTableModel::rowContains(int row, const QStringList &foldedWords) const
{
    const QString &text = m_rows[size_t(row)].searchText;
    for (const QString &word : foldedWords) {
        if (!text.contains(word))
            return false;
    }
    return true;
}

QVariant ResourceTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Row &row = m_rows[size_t(index.row())];
    const Column &column = m_columns.at(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(row, column);
    case Qt::ToolTipRole:
        if (column.source == Column::Source::Age && row.object.metadata.creationTimestamp.isValid())
            return row.object.metadata.creationTimestamp.toString(Qt::ISODate);
        return QVariant();
    case SortRole: {
        const CellKey &key = row.keys[size_t(index.column())];
        if (!key.isNumber)
            return QStringView(row.searchText).mid(key.offset, key.length).toString();
        if (column.source == Column::Source::Age && row.object.metadata.creationTimestamp.isValid())
            return double(row.object.metadata.creationTimestamp.msecsTo(m_now()) / 1000);
        return key.number;
    }
    case KeyRole:
        return row.object.key();
    case NameRole:
        return row.object.metadata.name;
    case NamespaceRole:
        return row.object.metadata.namespaceName;
    case UidRole:
        return row.object.metadata.uid;
    case LabelsRole: {
        QStringList parts;
        const auto &labels = row.object.metadata.labels;
        for (auto it = labels.cbegin(); it != labels.cend(); ++it)
            parts.append(it.key() + QLatin1Char('=') + it.value());
        return parts.join(QLatin1Char(','));
    }
    case SearchTextRole:
        return row.searchText;
    case StatusToneRole:
        if (!column.isStatus)
            return QVariant::fromValue(StatusTone::None);
        return QVariant::fromValue(statusTone(displayValue(row, column).toString()));
    case Qt::ForegroundRole: {
        if (!column.isStatus)
            return QVariant();
        switch (statusTone(displayValue(row, column).toString())) {
        case StatusTone::Ok: return QColor(0x2e, 0x7d, 0x32);
        case StatusTone::Warning: return QColor(0xb2, 0x6a, 0x00);
        case StatusTone::Error: return QColor(0xc6, 0x28, 0x28);
        case StatusTone::None: break;
        }
        return QVariant();
    }
    case RecentlyChangedRole:
        return row.changedAtMs > 0 && nowMs() - row.changedAtMs < m_highlightMs;
    case Qt::BackgroundRole:
        if (row.changedAtMs > 0 && nowMs() - row.changedAtMs < m_highlightMs)
            return QColor(255, 213, 79, 90);
        return QVariant();
    case Qt::TextAlignmentRole:
        if (column.type == QLatin1String("integer") || column.type == QLatin1String("number"))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    default:
        return QVariant();
    }
}

QVariant ResourceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    const Column &column = m_columns.at(section);
    switch (role) {
    case Qt::DisplayRole:
        return column.title;
    case ColumnPriorityRole:
        return column.priority;
    case ColumnTypeRole:
        return column.type;
    case StatusColumnRole:
        return column.isStatus;
    default:
        return QVariant();
    }
}

QHash<int, QByteArray> ResourceTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sortValue");
    names.insert(KeyRole, "key");
    names.insert(NameRole, "name");
    names.insert(NamespaceRole, "namespace");
    names.insert(UidRole, "uid");
    names.insert(StatusToneRole, "statusTone");
    names.insert(RecentlyChangedRole, "recentlyChanged");
    names.insert(LabelsRole, "labels");
    names.insert(SearchTextRole, "searchText");
    return names;
}

void ResourceTableModel::rankRows(int column) const
{
    if (column < 0 || column >= m_columns.size()) {
        m_rankColumn = -1;
        return;
    }
    if (column == m_rankColumn)
        return;
    const auto rank = [this](std::vector<int> &ranks, auto less) {
        std::vector<int> order(m_rows.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), less);
        ranks.assign(m_rows.size(), 0);
        for (size_t place = 0; place < order.size(); ++place)
            ranks[size_t(order[place])] = int(place);
    };
    // The tie order (namespace, name) is ranked once for every column: most columns have few
    // distinct values (Namespace, Node, Status), and their ties then cost an integer compare.
    if (m_tieRanks.size() != m_rows.size())
        rank(m_tieRanks, [this](int a, int b) { return compareTies(a, b) < 0; });
    // compareRows breaks every tie by namespace and name, so this is a total order and the ranks
    // are unique.
    rank(m_ranks, [this, column](int a, int b) {
        const int c = compareCells(a, b, column);
        return c != 0 ? c < 0 : m_tieRanks[size_t(a)] < m_tieRanks[size_t(b)];
    });
    m_rankColumn = column;
}

void ResourceTableModel::applyBatch(const ChangeBatch &batch)
{
    // Rows or columns change: the ranks no longer hold.
    m_rankColumn = -1;
    m_tieRanks.clear();
    const auto states = batch.finalStates();
    // What a list found is not "changed": only later adds and updates are highlighted.
    const bool initial = !m_populated || batch.isListPage;
    m_populated = true;
    const qint64 now = initial ? 0 : nowMs();
    if (batch.columnsChanged) {
        beginResetModel();
        rebuildColumns(batch.columns, batch.isTable);
        std::vector<Row> kept;
        QSet<QString> final;
        final.reserve(qsizetype(states.size()));
        for (const auto &[key, state] : states)
            final.insert(key);
        for (Row &row : m_rows) {
            if (!final.contains(row.object.key())) {
                indexRow(row); // the columns changed
                kept.push_back(std::move(row));
            }
        }
        for (const auto &[key, state] : states) {
            if (state)
                kept.push_back(makeRow(*state, now));
        }
        m_rows = std::move(kept);
        rebuildIndex(0);
        endResetModel();
        if (now > 0)
            m_hasHighlights = true;
        return;
    }

    std::vector<std::pair<int, const ResourceObject *>> updates;
    std::vector<int> removals;
    std::vector<Row> inserts;
    for (const auto &[key, state] : states) {
        const auto it = m_index.constFind(key);
        if (it != m_index.cend()) {
            if (state)
                updates.emplace_back(*it, state);
            else
                removals.push_back(*it);
        } else if (state) {
            inserts.push_back(makeRow(*state, now));
        }
    }

    if (!updates.empty()) {
        std::vector<int> rows;
        rows.reserve(updates.size());
        for (const auto &[row, object] : updates) {
            Row &changed = m_rows[size_t(row)];
            changed.object = *object;
            changed.changedAtMs = now;
            indexRow(changed);
            rows.push_back(row);
        }
        m_hasHighlights = true;
        // One dataChanged per contiguous run of changed rows, not one range from the first to the
        // last: QSortFilterProxyModel re-checks (and may re-sort) every row inside a range, so a
        // range spanning 100,000 rows for a few hundred changes costs a full re-sort per batch.
        std::sort(rows.begin(), rows.end());
        emitRowRuns(rows, {});
    }

    if (!removals.empty()) {
        std::sort(removals.begin(), removals.end());
        eraseRows(std::move(removals));
    }

    if (!inserts.empty()) {
        const int first = int(m_rows.size());
        beginInsertRows(QModelIndex(), first, first + int(inserts.size()) - 1);
        m_rows.reserve(m_rows.size() + inserts.size());
        for (Row &row : inserts) {
            m_index.insert(row.object.key(), int(m_rows.size()));
            m_rows.push_back(std::move(row));
        }
        endInsertRows();
        if (now > 0)
            m_hasHighlights = true;
    }
}

void ResourceTableModel::tick()
{
    if (m_rows.empty())
        return;
    const int last = int(m_rows.size()) - 1;
    if (m_ageColumn >= 0)
        // Not SortRole or SearchTextRole: the age order and the searched texts do not change with
        // time, so a sorted or filtered proxy need not redo its mapping every second.
        Q_EMIT dataChanged(index(0, m_ageColumn), index(last, m_ageColumn), {Qt::DisplayRole, Qt::ToolTipRole});
    if (m_hasHighlights) {
        // Repaint only the rows whose highlight just ended (a range over every row would make a
        // sorted proxy re-check all of them each second); they are then no longer "changed".
        const qint64 now = nowMs();
        bool stillHighlighted = false;
        std::vector<int> expired;
        for (int r = 0; r <= last; ++r) {
            Row &row = m_rows[size_t(r)];
            if (row.changedAtMs <= 0)
                continue;
            if (now - row.changedAtMs < m_highlightMs) {
                stillHighlighted = true;
            } else {
                row.changedAtMs = 0;
                expired.push_back(r);
            }
        }
        emitRowRuns(expired, {Qt::BackgroundRole, RecentlyChangedRole});
        m_hasHighlights = stillHighlighted;
    }
}

namespace {

using RowRun = std::pair<int, int>; // first and last row

std::vector<RowRun> rowRuns(const std::vector<int> &sortedRows)
{
    std::vector<RowRun> runs;
    for (int row : sortedRows) {
        if (!runs.empty() && runs.back().second + 1 == row)
            runs.back().second = row;
        else
            runs.emplace_back(row, row);
    }
    return runs;
}

// Merges the runs separated by the smallest gaps until at most maxRuns remain, so the ranges
// cover as few unchanged rows as possible.
std::vector<RowRun> mergeRuns(std::vector<RowRun> runs, size_t maxRuns)
{
    if (runs.size() <= maxRuns)
        return runs;
    std::vector<size_t> gaps(runs.size() - 1); // gap i lies between runs i and i + 1
    std::iota(gaps.begin(), gaps.end(), size_t(0));
    const auto gapSize = [&runs](size_t i) { return runs[i + 1].first - runs[i].second; };
    const size_t merges = runs.size() - maxRuns;
    std::nth_element(gaps.begin(), gaps.begin() + qsizetype(merges) - 1, gaps.end(),
                     [&gapSize](size_t a, size_t b) { return gapSize(a) < gapSize(b); });
    std::vector<bool> merged(runs.size() - 1, false);
    for (size_t k = 0; k < merges; ++k)
        merged[gaps[k]] = true;
    std::vector<RowRun> out;
    out.reserve(maxRuns);
    for (size_t i = 0; i < runs.size(); ++i) {
        if (i > 0 && merged[i - 1])
            out.back().second = runs[i].second;
        else
            out.push_back(runs[i]);
    }
    return out;
}

} // namespace

void ResourceTableModel::emitRowRuns(const std::vector<int> &sortedRows, const QList<int> &roles)
{
    for (const auto &[first, last] : mergeRuns(rowRuns(sortedRows), kMaxSignalsPerBatch))
        Q_EMIT dataChanged(index(first, 0), index(last, columnCount() - 1), roles);
}

void ResourceTableModel::eraseRows(std::vector<int> sortedRows)
{
    for (int row : sortedRows)
        m_index.remove(m_rows[size_t(row)].object.key());
    const std::vector<RowRun> runs = rowRuns(sortedRows);
    if (runs.size() <= kMaxSignalsPerBatch) {
        // Last run first, so the earlier rows keep their numbers.
        for (auto run = runs.rbegin(); run != runs.rend(); ++run) {
            beginRemoveRows(QModelIndex(), run->first, run->second);
            m_rows.erase(m_rows.begin() + run->first, m_rows.begin() + run->second + 1);
            endRemoveRows();
        }
        rebuildIndex(sortedRows.front());
        return;
    }
    // Many scattered removals (a namespace deleted, a relist after a long disconnect): one layout
    // change, with the views' persistent indexes (selection, current row) moved to the rows'
    // new places, instead of one rowsRemoved each that a sorted proxy would handle one by one.
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::NoLayoutChangeHint);
    std::vector<int> newRow(m_rows.size(), -1);
    std::vector<Row> kept;
    kept.reserve(m_rows.size() - sortedRows.size());
    size_t next = 0;
    for (int row = 0; row < int(m_rows.size()); ++row) {
        if (next < sortedRows.size() && sortedRows[next] == row) {
            ++next;
            continue;
        }
        newRow[size_t(row)] = int(kept.size());
        kept.push_back(std::move(m_rows[size_t(row)]));
    }
    m_rows = std::move(kept);
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &old : from) {
        const int row = newRow[size_t(old.row())];
        to.append(row < 0 ? QModelIndex() : index(row, old.column()));
    }
    changePersistentIndexList(from, to);
    rebuildIndex(sortedRows.front());
    Q_EMIT layoutChanged({}, QAbstractItemModel::NoLayoutChangeHint);
}

ResourceTableModel::StatusTone ResourceTableModel::statusTone(const QString &status)
{
    if (status.isEmpty())
        return StatusTone::None;
    static const QStringList errors = {
        QStringLiteral("Failed"), QStringLiteral("Error"), QStringLiteral("Evicted"),
        QStringLiteral("OOMKilled"), QStringLiteral("NotReady"), QStringLiteral("Lost"),
        QStringLiteral("InvalidImageName"), QStringLiteral("ContainerStatusUnknown"),
        QStringLiteral("Unhealthy")};
    static const QStringList oks = {
        QStringLiteral("Running"), QStringLiteral("Succeeded"), QStringLiteral("Completed"),
        QStringLiteral("Complete"), QStringLiteral("Active"), QStringLiteral("Bound"),
        QStringLiteral("Ready"), QStringLiteral("Available"), QStringLiteral("True"),
        QStringLiteral("Healthy"), QStringLiteral("Established")};
    if (errors.contains(status) || status.contains(QLatin1String("BackOff"))
        || status.contains(QLatin1String("Err")) || status.contains(QLatin1String("Failed"))) {
        return StatusTone::Error;
    }
    if (oks.contains(status))
        return StatusTone::Ok;
    // Everything in between (Pending, ContainerCreating, Init:0/1, Terminating, Unknown,
    // "Ready,SchedulingDisabled", Released) is a state the user should keep an eye on.
    return StatusTone::Warning;
}

} // namespace Qluster::Ui
