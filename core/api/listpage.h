// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "resourceobject.h"
#include "util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

#include <optional>
#include <vector>

namespace Qluster {

/// TableColumn is one meta.k8s.io/v1 TableColumnDefinition.
struct TableColumn
{
    QString name;
    QString type;   ///< "string", "integer", "number", "boolean", "date"
    QString format; ///< "name" for the name column, "date", "" ...
    QString description;
    int priority = 0; ///< 0 shown by default; higher only in wide output

    friend bool operator==(const TableColumn &, const TableColumn &) = default;
};

/// ListPage is one page of a list response, from a meta.k8s.io/v1 Table or a plain *List.
struct ListPage
{
    bool isTable = false;
    QString resourceVersion;
    QString continueToken;          ///< empty on the last page
    qint64 remainingItemCount = -1; ///< -1 when the server did not say
    QList<TableColumn> columns;     ///< empty for plain lists
    std::vector<ResourceObject> items;

    friend bool operator==(const ListPage &, const ListPage &) = default;
};

/// tableCell is a Table cell as ResourceObject::cells holds it: a string, qint64 (a number written
/// as an integer), double, bool, an invalid QVariant for null, QVariantList / QVariantMap.
QVariant tableCell(const QJsonValue &cell);

/// decodeTableColumns reads a Table's columnDefinitions (null or missing gives an empty list).
QList<TableColumn> decodeTableColumns(const QJsonValue &columnDefinitions);

/// decodeTableRows appends the rows of a Table object to out; a row without object
/// (includeObject=None) takes its name from the column whose format is "name".
void decodeTableRows(const QJsonObject &table, const QList<TableColumn> &columns,
                     std::vector<ResourceObject> *out);

/// decodeListPage decodes a list response body: a Table (as=Table;g=meta.k8s.io;v=v1) or a plain
/// list (kind ending in "List"), with its resourceVersion and continue token. It reads the body
/// directly (readListPage) and leaves what that declines to decodeListPageDocument.
Result<ListPage> decodeListPage(const QByteArray &body, const QString &what);

/// readListPage decodes a well-formed list or Table straight from its text, building only what a
/// ListPage keeps (several times faster than a QJsonDocument for pages of 500 objects). nullopt
/// when it declines: malformed JSON, a field of an unexpected type, a Status, not a list.
std::optional<ListPage> readListPage(QByteArrayView body);

/// decodeListPageDocument decodes through QJsonDocument: errors name the line and column, and
/// fields of unexpected types read as QJsonValue's conversions do. Equal to readListPage whenever
/// that accepts a body.
Result<ListPage> decodeListPageDocument(const QByteArray &body, const QString &what);

/// peekContinueToken reads metadata.continue of a list or Table body without decoding it: a
/// scan that skips every other value, so the next page can be requested while this one is still
/// arriving or being decoded. Empty when the body has no continue token (the last page); nullopt
/// when the body is not (yet) a JSON object the scan understands: a prefix of a body, cut at any
/// byte, gives nullopt until the token (or the end of metadata) is in it, never a wrong answer.
std::optional<QString> peekContinueToken(QByteArrayView body);

/// decodeStatus turns a metav1.Status object into an Error (http kind with code, reason, message).
Error decodeStatus(const QJsonObject &status);

} // namespace Qluster
