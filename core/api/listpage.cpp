// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "listpage.h"

#include "jsonparse.h"

namespace Qluster {

QList<TableColumn> decodeTableColumns(const QJsonValue &columnDefinitions)
{
    QList<TableColumn> columns;
    const QJsonArray defs = columnDefinitions.toArray();
    columns.reserve(defs.size());
    for (const QJsonValue &dv : defs) {
        const QJsonObject d = dv.toObject();
        TableColumn c;
        c.name = d.value(QLatin1String("name")).toString();
        c.type = d.value(QLatin1String("type")).toString();
        c.format = d.value(QLatin1String("format")).toString();
        c.description = d.value(QLatin1String("description")).toString();
        c.priority = d.value(QLatin1String("priority")).toInt();
        columns.append(c);
    }
    return columns;
}

void decodeTableRows(const QJsonObject &table, const QList<TableColumn> &columns,
                     std::vector<ResourceObject> *out)
{
    int nameColumn = -1;
    for (int i = 0; i < columns.size(); ++i) {
        if (columns.at(i).format == QLatin1String("name")) {
            nameColumn = i;
            break;
        }
    }
    const QJsonArray rows = table.value(QLatin1String("rows")).toArray();
    out->reserve(out->size() + rows.size());
    for (const QJsonValue &rv : rows) {
        const QJsonObject row = rv.toObject();
        ResourceObject object;
        object.cells = row.value(QLatin1String("cells")).toArray();
        const QJsonObject embedded = row.value(QLatin1String("object")).toObject();
        object.metadata = ObjectMeta::fromJson(embedded.value(QLatin1String("metadata")).toObject());
        if (object.metadata.name.isEmpty() && nameColumn >= 0 && nameColumn < object.cells.size())
            object.metadata.name = object.cells.at(nameColumn).toString();
        out->push_back(std::move(object));
    }
}

Error decodeStatus(const QJsonObject &status)
{
    return Error::http(status.value(QLatin1String("code")).toInt(),
                       status.value(QLatin1String("reason")).toString(),
                       status.value(QLatin1String("message")).toString());
}

Result<ListPage> decodeListPage(const QByteArray &body, const QString &what)
{
    auto root = parseJsonObject(body, what);
    if (!root)
        return fail(root.error());
    const QString kind = root->value(QLatin1String("kind")).toString();
    if (kind == QLatin1String("Status"))
        return fail(decodeStatus(*root));
    ListPage page;
    const QJsonObject meta = root->value(QLatin1String("metadata")).toObject();
    page.resourceVersion = meta.value(QLatin1String("resourceVersion")).toString();
    page.continueToken = meta.value(QLatin1String("continue")).toString();
    if (meta.contains(QLatin1String("remainingItemCount")))
        page.remainingItemCount = meta.value(QLatin1String("remainingItemCount")).toInteger();
    if (kind == QLatin1String("Table")) {
        page.isTable = true;
        page.columns = decodeTableColumns(root->value(QLatin1String("columnDefinitions")));
        decodeTableRows(*root, page.columns, &page.items);
        return page;
    }
    if (!kind.endsWith(QLatin1String("List")) && !root->contains(QLatin1String("items")))
        return fail(Error::parse(what, 0, 0, QStringLiteral("not a list or Table (kind %1)").arg(kind)));
    const QJsonArray items = root->value(QLatin1String("items")).toArray();
    page.items.reserve(items.size());
    for (const QJsonValue &iv : items) {
        ResourceObject object;
        object.metadata = ObjectMeta::fromJson(iv.toObject().value(QLatin1String("metadata")).toObject());
        page.items.push_back(std::move(object));
    }
    return page;
}

} // namespace Qluster
