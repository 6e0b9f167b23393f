// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/listpage.h"
#include "cache/changebatch.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

namespace Qluster {
class ResourceCache;
}

namespace Qluster::Ui {

/// ResourceTableModel shows the objects of one ResourceCache as rows with the server's Table
/// columns (NAME / NAMESPACE / AGE when the server sent a plain list). Changes arrive a batch at a
/// time (one insert per batch); AGE is computed from creationTimestamp and keeps ticking; rows
/// changed in the last moments are flagged for a highlight; status cells carry a tone.
class ResourceTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResourceTableModel)
public:
    enum Role {
        SortRole = Qt::UserRole + 1, ///< raw value: number (seconds, bytes, cores, count) or case-folded text
        KeyRole,                     ///< "namespace/name"
        NameRole,
        NamespaceRole,
        UidRole,
        StatusToneRole,   ///< StatusTone of the cell (None for non-status columns)
        RecentlyChangedRole, ///< true for a short while after the row was added or modified
        ColumnPriorityRole,  ///< header: 0 for default columns, >0 for wide-output columns
        ColumnTypeRole,      ///< header: Table column type ("string", "integer", "date", ...)
        StatusColumnRole,    ///< header: true for a Status/Phase column (its cells carry a tone)
        LabelsRole,          ///< "k=v,k2=v2"
        SearchTextRole,      ///< case-folded texts the free-text filter looks in (not AGE: it ticks)
    };
    Q_ENUM(Role)

    enum class StatusTone { None, Ok, Warning, Error };
    Q_ENUM(StatusTone)

    /// ResourceTableModel shows cache (may be null: rows then come only through applyBatch);
    /// namespaceColumn adds a Namespace column, as kubectl does for --all-namespaces.
    explicit ResourceTableModel(std::shared_ptr<ResourceCache> cache, bool namespaceColumn,
                                QObject *parent = nullptr);
    ~ResourceTableModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// ResourceTableModel::applyBatch applies one ChangeBatch with one insert, and changes and
    /// removals in a bounded number of signals (kMaxSignalsPerBatch), never one per object.
    void applyBatch(const Qluster::ChangeBatch &batch);
    const std::shared_ptr<ResourceCache> &cache() const { return m_cache; }
    /// ResourceTableModel::object returns the object shown at row (nullptr when out of range).
    const ResourceObject *object(int row) const;
    /// ResourceTableModel::rowOf is the row of key ("namespace/name"), -1 when absent.
    int rowOf(const QString &key) const;
    /// ResourceTableModel::ageColumn is the index of the AGE column, -1 when there is none.
    int ageColumn() const { return m_ageColumn; }

    /// ResourceTableModel::compareRows orders rows a and b by column as a table sorts: numbers,
    /// durations and quantities by value before text, text case-insensitively, ties by namespace
    /// then name. It compares keys computed when the rows arrived (no QVariant, no allocation), so
    /// sorting 100,000 rows stays fast; ResourceTableProxyModel calls it from lessThan.
    int compareRows(int a, int b, int column) const;
    /// ResourceTableModel::rankRows computes every row's place in compareRows order for column, so
    /// that a full sort (compareRanked) compares two integers instead of the rows' keys; the ranks
    /// are dropped by the next change of rows or columns.
    void rankRows(int column) const;
    /// ResourceTableModel::compareRanked orders as compareRows, through the ranks when rankRows
    /// was called for column since the last change.
    int compareRanked(int a, int b, int column) const
    {
        if (column == m_rankColumn)
            return m_ranks[size_t(a)] - m_ranks[size_t(b)];
        return compareRows(a, b, column);
    }
    /// ResourceTableModel::rowContains is true when every one of foldedWords (already case-folded)
    /// occurs in the row's search text (SearchTextRole).
    bool rowContains(int row, const QStringList &foldedWords) const;

    /// ResourceTableModel::setClock replaces the wall clock (for tests of AGE and highlights).
    void setClock(std::function<QDateTime()> now);
    /// ResourceTableModel::setHighlightDuration sets how long a changed row stays flagged.
    void setHighlightDuration(int milliseconds) { m_highlightMs = milliseconds; }
    /// ResourceTableModel::tick refreshes AGE cells and expires highlights (runs every second).
    void tick();

    /// statusTone classifies a status word as kubectl users read it: Running/Completed are Ok,
    /// Pending/ContainerCreating Warning, Failed/CrashLoopBackOff/ImagePullBackOff Error.
    static StatusTone statusTone(const QString &status);

private:
    // A cell's sort key: a number, or the cell's text as a range of the row's searchText.
    struct CellKey
    {
        double number = 0;
        quint64 prefix = 0; // the first four UTF-16 units of the text, big-endian: most compares end here
        int offset = 0;
        int length = 0;
        bool isNumber = false;
    };
    struct Row
    {
        ResourceObject object;
        qint64 changedAtMs = 0; // clock time of the last add/modify, 0 for the initial list
        // Computed by indexRow whenever object or the columns change:
        QString searchText;          // case-folded cell texts, namespace and labels, '\n'-separated
        std::vector<CellKey> keys;   // one per column
    };
    struct Column
    {
        enum class Source { Cell, Name, Namespace, Age };
        Source source = Source::Cell;
        int cell = -1;  // index into cells for Source::Cell
        QString title;
        QString type;
        int priority = 0;
        bool isStatus = false;
        bool durationFirst = false; // values like "5m" read as durations, not milli-quantities
    };

    /// At most this many row signals (dataChanged ranges, rowsRemoved) per batch: past it,
    /// changes are merged into wider ranges and removals become one layout change.
    static constexpr size_t kMaxSignalsPerBatch = 32;

    QList<Column> columnsFor(const QList<TableColumn> &columns, bool isTable) const;
    int compareCells(int a, int b, int column) const; // by the column's keys only
    int compareTies(int a, int b) const;              // by namespace, then name
    void rebuildColumns(const QList<TableColumn> &columns, bool isTable);
    void rebuildIndex(int fromRow);
    QVariant displayValue(const Row &row, const Column &column) const;
    void indexRow(Row &row) const;
    // dataChanged over sortedRows (all columns): one per contiguous run, the closest runs merged
    // so that a batch never sends more than kMaxSignalsPerBatch.
    void emitRowRuns(const std::vector<int> &sortedRows, const QList<int> &roles);
    void eraseRows(std::vector<int> sortedRows);
    Row makeRow(ResourceObject object, qint64 changedAtMs) const;
    qint64 nowMs() const;

    std::shared_ptr<ResourceCache> m_cache;
    bool m_namespaceColumn = false;
    std::vector<Row> m_rows;
    QHash<QString, int> m_index;
    QList<Column> m_columns;
    int m_ageColumn = -1;
    int m_highlightMs = 1500;
    bool m_hasHighlights = false;
    bool m_populated = false;
    // rankRows' cache: m_ranks[row] for m_rankColumn (-1: none).
    mutable std::vector<int> m_ranks;
    mutable int m_rankColumn = -1;
    mutable std::vector<int> m_tieRanks; // places in (namespace, name) order; empty: not computed
    std::function<QDateTime()> m_now;
    QTimer m_ticker;
};

} // namespace Qluster::Ui
