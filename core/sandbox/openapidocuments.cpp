// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "openapidocuments.h"

#include "schema/openapimodel.h"

#include <QJsonArray>

namespace Qluster {

namespace {

struct QueryParam
{
    const char *name;
    const char *type;
    const char *description;
};

const QueryParam kParams[] = {
    {"pretty", "string", "If 'true', the output is pretty printed."},
    {"labelSelector", "string", "Only objects whose labels match this selector."},
    {"fieldSelector", "string", "Only objects whose fields match this selector."},
    {"limit", "integer", "At most this many objects; the rest is fetched with continue."},
    {"continue", "string", "Token of the next page, from a previous limited list."},
    {"resourceVersion", "string", "Version constraint of the list or the watch start."},
    {"resourceVersionMatch", "string", "How resourceVersion applies: Exact or NotOlderThan."},
    {"timeoutSeconds", "integer", "Close the list or watch after this many seconds."},
    {"watch", "boolean", "Stream changes instead of returning a list."},
    {"allowWatchBookmarks", "boolean", "Ask for BOOKMARK events during a watch."},
    {"sendInitialEvents", "boolean", "Start a watch with synthetic ADDED events."},
    {"dryRun", "string", "'All' processes the request without persisting it."},
    {"fieldManager", "string", "Name of the actor making the change, recorded in managedFields."},
    {"fieldValidation", "string", "Ignore, Warn or Strict handling of unknown fields."},
    {"force", "boolean", "Take ownership of conflicting fields (server-side apply only)."},
    {"gracePeriodSeconds", "integer", "Seconds the object gets to terminate."},
    {"propagationPolicy", "string", "Orphan, Background or Foreground deletion of dependents."},
    {"orphanDependents", "boolean", "Deprecated; use propagationPolicy."},
};

const QueryParam &param(const char *name)
{
    for (const QueryParam &p : kParams) {
        if (qstrcmp(p.name, name) == 0)
            return p;
    }
    return kParams[0];
}

struct Operation
{
    QString method;      // get, post, put, patch, delete
    QString action;      // x-kubernetes-action
    QString verbWord;    // read, list, create, ...
    QString description;
    QStringList query;
    QString bodySchema;  // empty: no body
    bool patchBody = false;
    QString responseSchema;
    bool createdResponse = false;
};

QString ucfirst(const QString &s)
{
    return s.isEmpty() ? s : s.at(0).toUpper() + s.mid(1);
}

QString basePath(const BuiltinResource &r)
{
    return r.group.isEmpty() ? QString(QStringLiteral("/api/") + r.version)
                             : QString(QStringLiteral("/apis/") + r.group + QLatin1Char('/') + r.version);
}

QString tag(const BuiltinResource &r)
{
    QString g = r.group.isEmpty() ? QStringLiteral("core") : r.group;
    g.remove(QStringLiteral(".k8s.io"));
    g.replace(QLatin1Char('.'), QLatin1Char('_'));
    return g + QLatin1Char('_') + r.version;
}

QJsonObject gvkObject(const BuiltinResource &r, const QString &kind)
{
    return QJsonObject{{QStringLiteral("group"), r.group}, {QStringLiteral("version"), r.version},
                       {QStringLiteral("kind"), kind}};
}

struct PathItem
{
    QString path;
    bool hasName = false;
    QList<Operation> operations;
};

QList<PathItem> pathItems(const BuiltinResource &r)
{
    const QStringList listQuery{QStringLiteral("allowWatchBookmarks"), QStringLiteral("continue"),
                                QStringLiteral("fieldSelector"), QStringLiteral("labelSelector"),
                                QStringLiteral("limit"), QStringLiteral("resourceVersion"),
                                QStringLiteral("resourceVersionMatch"), QStringLiteral("sendInitialEvents"),
                                QStringLiteral("timeoutSeconds"), QStringLiteral("watch")};
    const QStringList writeQuery{QStringLiteral("dryRun"), QStringLiteral("fieldManager"),
                                 QStringLiteral("fieldValidation")};
    const QStringList patchQuery = writeQuery + QStringList{QStringLiteral("force")};
    const QStringList deleteQuery{QStringLiteral("dryRun"), QStringLiteral("gracePeriodSeconds"),
                                  QStringLiteral("orphanDependents"), QStringLiteral("propagationPolicy")};
    const QString scope = r.namespaced ? QStringLiteral("/namespaces/{namespace}/") : QStringLiteral("/");
    const QString collection = basePath(r) + scope + r.plural;
    const QString status = QStringLiteral("io.k8s.apimachinery.pkg.apis.meta.v1.Status");
    const QString scale = QStringLiteral("io.k8s.api.autoscaling.v1.Scale");

    QList<PathItem> items;
    items.append({collection, false, {
        {QStringLiteral("get"), QStringLiteral("list"), QStringLiteral("list"),
         QStringLiteral("list or watch objects of kind %1").arg(r.kind), listQuery, {}, false, r.listSchemaName},
        {QStringLiteral("post"), QStringLiteral("post"), QStringLiteral("create"),
         QStringLiteral("create a %1").arg(r.kind), writeQuery, r.schemaName, false, r.schemaName, true},
        {QStringLiteral("delete"), QStringLiteral("deletecollection"), QStringLiteral("deletecollection"),
         QStringLiteral("delete collection of %1").arg(r.kind), listQuery + deleteQuery,
         QStringLiteral("io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"), false, status},
    }});
    items.append({collection + QStringLiteral("/{name}"), true, {
        {QStringLiteral("get"), QStringLiteral("get"), QStringLiteral("read"),
         QStringLiteral("read the specified %1").arg(r.kind), {}, {}, false, r.schemaName},
        {QStringLiteral("put"), QStringLiteral("put"), QStringLiteral("replace"),
         QStringLiteral("replace the specified %1").arg(r.kind), writeQuery, r.schemaName, false, r.schemaName, true},
        {QStringLiteral("patch"), QStringLiteral("patch"), QStringLiteral("patch"),
         QStringLiteral("partially update the specified %1").arg(r.kind), patchQuery,
         QStringLiteral("io.k8s.apimachinery.pkg.apis.meta.v1.Patch"), true, r.schemaName, true},
        {QStringLiteral("delete"), QStringLiteral("delete"), QStringLiteral("delete"),
         QStringLiteral("delete a %1").arg(r.kind), deleteQuery,
         QStringLiteral("io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"), false, status},
    }});
    const auto subresource = [&](const QString &name, const QString &schema, const QString &what) {
        items.append({collection + QStringLiteral("/{name}/") + name, true, {
            {QStringLiteral("get"), QStringLiteral("get"), QStringLiteral("read"),
             QStringLiteral("read %1 of the specified %2").arg(what, r.kind), {}, {}, false, schema},
            {QStringLiteral("put"), QStringLiteral("put"), QStringLiteral("replace"),
             QStringLiteral("replace %1 of the specified %2").arg(what, r.kind), writeQuery, schema, false, schema, true},
            {QStringLiteral("patch"), QStringLiteral("patch"), QStringLiteral("patch"),
             QStringLiteral("partially update %1 of the specified %2").arg(what, r.kind), patchQuery,
             QStringLiteral("io.k8s.apimachinery.pkg.apis.meta.v1.Patch"), true, schema, true},
        }});
    };
    if (r.hasStatus)
        subresource(QStringLiteral("status"), r.schemaName, QStringLiteral("status"));
    if (r.hasScale)
        subresource(QStringLiteral("scale"), scale, QStringLiteral("scale"));
    if (r.namespaced) {
        items.append({basePath(r) + QLatin1Char('/') + r.plural, false, {
            {QStringLiteral("get"), QStringLiteral("list"), QStringLiteral("list"),
             QStringLiteral("list or watch objects of kind %1 in all namespaces").arg(r.kind), listQuery, {}, false,
             r.listSchemaName},
        }});
    }
    return items;
}

QString operationId(const BuiltinResource &r, const PathItem &item, const Operation &op)
{
    const bool collection = op.action == QLatin1String("deletecollection");
    QString id = (collection ? QStringLiteral("delete") : op.verbWord) + openApiOperationGroup(r.group)
                 + ucfirst(r.version);
    if (collection)
        id += QStringLiteral("Collection");
    const bool allNamespaces = r.namespaced && !item.path.contains(QLatin1String("{namespace}"));
    if (r.namespaced && !allNamespaces)
        id += QStringLiteral("Namespaced");
    id += r.kind;
    if (allNamespaces)
        id += QStringLiteral("ForAllNamespaces");
    if (item.path.endsWith(QLatin1String("/status")))
        id += QStringLiteral("Status");
    else if (item.path.endsWith(QLatin1String("/scale")))
        id += QStringLiteral("Scale");
    return id;
}

QJsonObject pathParam(const char *name, const char *description, bool v3)
{
    QJsonObject p{{QStringLiteral("name"), QString::fromLatin1(name)},
                  {QStringLiteral("in"), QStringLiteral("path")},
                  {QStringLiteral("required"), true},
                  {QStringLiteral("description"), QString::fromLatin1(description)}};
    if (v3)
        p.insert(QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                                       {QStringLiteral("uniqueItems"), true}});
    else
        p.insert(QStringLiteral("type"), QStringLiteral("string")), p.insert(QStringLiteral("uniqueItems"), true);
    return p;
}

QJsonObject queryParam(const QString &name, bool v3)
{
    const QueryParam &q = param(name.toLatin1().constData());
    QJsonObject p{{QStringLiteral("name"), name},
                  {QStringLiteral("in"), QStringLiteral("query")},
                  {QStringLiteral("description"), QString::fromLatin1(q.description)}};
    if (v3)
        p.insert(QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QString::fromLatin1(q.type)},
                                                       {QStringLiteral("uniqueItems"), true}});
    else
        p.insert(QStringLiteral("type"), QString::fromLatin1(q.type)), p.insert(QStringLiteral("uniqueItems"), true);
    return p;
}

QJsonArray commonParams(const BuiltinResource &r, const PathItem &item, bool v3)
{
    QJsonArray params;
    if (item.hasName)
        params.append(pathParam("name", "name of the object", v3));
    if (item.path.contains(QLatin1String("{namespace}")))
        params.append(pathParam("namespace", "object name and auth scope, such as for teams and projects", v3));
    params.append(queryParam(QStringLiteral("pretty"), v3));
    Q_UNUSED(r);
    return params;
}

QJsonObject refV3(const QString &name)
{
    return QJsonObject{{QStringLiteral("$ref"), QString(QStringLiteral("#/components/schemas/") + name)}};
}

QJsonObject refV2(const QString &name)
{
    return QJsonObject{{QStringLiteral("$ref"), QString(QStringLiteral("#/definitions/") + name)}};
}

const QStringList kPatchTypes{QStringLiteral("application/apply-patch+yaml"),
                              QStringLiteral("application/json-patch+json"),
                              QStringLiteral("application/merge-patch+json"),
                              QStringLiteral("application/strategic-merge-patch+json")};
const QStringList kProduces{QStringLiteral("application/json"), QStringLiteral("application/yaml"),
                            QStringLiteral("application/vnd.kubernetes.protobuf")};

QJsonObject operationObject(const BuiltinResource &r, const PathItem &item, const Operation &op, bool v3)
{
    QJsonObject o{{QStringLiteral("description"), op.description},
                  {QStringLiteral("operationId"), operationId(r, item, op)},
                  {QStringLiteral("tags"), QJsonArray{tag(r)}},
                  {QStringLiteral("x-kubernetes-action"), op.action},
                  {QStringLiteral("x-kubernetes-group-version-kind"),
                   item.path.endsWith(QLatin1String("/scale"))
                       ? QJsonObject{{QStringLiteral("group"), QStringLiteral("autoscaling")},
                                     {QStringLiteral("version"), QStringLiteral("v1")},
                                     {QStringLiteral("kind"), QStringLiteral("Scale")}}
                       : gvkObject(r, r.kind)}};
    QJsonArray params;
    for (const QString &q : op.query)
        params.append(queryParam(q, v3));
    QStringList produces = kProduces;
    if (op.action == QLatin1String("list"))
        produces += QStringList{QStringLiteral("application/json;stream=watch"),
                                QStringLiteral("application/vnd.kubernetes.protobuf;stream=watch")};

    QJsonObject responses;
    const auto response = [&](const char *code, const char *description) {
        QJsonObject resp{{QStringLiteral("description"), QString::fromLatin1(description)}};
        if (v3) {
            QJsonObject content;
            for (const QString &type : produces)
                content.insert(type, QJsonObject{{QStringLiteral("schema"), refV3(op.responseSchema)}});
            resp.insert(QStringLiteral("content"), content);
        } else {
            resp.insert(QStringLiteral("schema"), refV2(op.responseSchema));
        }
        responses.insert(QString::fromLatin1(code), resp);
    };
    response("200", "OK");
    if (op.createdResponse) {
        response("201", "Created");
        if (op.method == QLatin1String("post"))
            response("202", "Accepted");
    }
    responses.insert(QStringLiteral("401"), QJsonObject{{QStringLiteral("description"), QStringLiteral("Unauthorized")}});
    o.insert(QStringLiteral("responses"), responses);

    if (!op.bodySchema.isEmpty()) {
        const QStringList consumes = op.patchBody ? kPatchTypes : QStringList{QStringLiteral("*/*")};
        if (v3) {
            QJsonObject content;
            for (const QString &type : consumes)
                content.insert(type, QJsonObject{{QStringLiteral("schema"), refV3(op.bodySchema)}});
            o.insert(QStringLiteral("requestBody"),
                     QJsonObject{{QStringLiteral("content"), content}, {QStringLiteral("required"), op.method != QLatin1String("delete")}});
        } else {
            params.prepend(QJsonObject{{QStringLiteral("name"), QStringLiteral("body")},
                                       {QStringLiteral("in"), QStringLiteral("body")},
                                       {QStringLiteral("required"), op.method != QLatin1String("delete")},
                                       {QStringLiteral("schema"), refV2(op.bodySchema)}});
            o.insert(QStringLiteral("consumes"), QJsonArray::fromStringList(consumes));
        }
    }
    if (!v3) {
        o.insert(QStringLiteral("produces"), QJsonArray::fromStringList(produces));
        o.insert(QStringLiteral("schemes"), QJsonArray{QStringLiteral("https")});
    }
    if (!params.isEmpty())
        o.insert(QStringLiteral("parameters"), params);
    return o;
}

QJsonObject paths(const QList<BuiltinResource> &resources, bool v3)
{
    QJsonObject out;
    for (const BuiltinResource &r : resources) {
        for (const PathItem &item : pathItems(r)) {
            QJsonObject pathObject{{QStringLiteral("parameters"), commonParams(r, item, v3)}};
            for (const Operation &op : item.operations)
                pathObject.insert(op.method, operationObject(r, item, op, v3));
            out.insert(item.path, pathObject);
        }
    }
    return out;
}

void collectRefs(const QJsonValue &value, QStringList &out)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (it.key() == QLatin1String("$ref"))
                out.append(OpenApiModel::refName(it.value().toString()));
            else
                collectRefs(it.value(), out);
        }
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            collectRefs(v, out);
    }
}

QJsonValue toV2(const QJsonValue &value)
{
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(toV2(v));
        return out;
    }
    if (!value.isObject())
        return value;
    QJsonObject o = value.toObject();
    const QJsonArray allOf = o.value(QLatin1String("allOf")).toArray();
    if (allOf.size() == 1 && allOf.at(0).toObject().contains(QLatin1String("$ref"))) {
        o.remove(QStringLiteral("allOf"));
        o.remove(QStringLiteral("default"));
        o.insert(QStringLiteral("$ref"), allOf.at(0).toObject().value(QLatin1String("$ref")));
    }
    if (o.value(QLatin1String("format")).toString() == QLatin1String("int-or-string")) {
        o.remove(QStringLiteral("oneOf"));
        o.insert(QStringLiteral("type"), QStringLiteral("string"));
    } else if (o.contains(QLatin1String("oneOf"))) {
        o.remove(QStringLiteral("oneOf"));
    }
    QJsonObject out;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (it.key() == QLatin1String("$ref")) {
            out.insert(it.key(), QString(QStringLiteral("#/definitions/") + OpenApiModel::refName(it.value().toString())));
        } else if (it.key() == QLatin1String("properties") || it.key() == QLatin1String("x-kubernetes-group-version-kind")
                   || it.key() == QLatin1String("items") || it.key() == QLatin1String("additionalProperties")) {
            if (it.key() == QLatin1String("properties")) {
                QJsonObject props;
                const QJsonObject in = it.value().toObject();
                for (auto p = in.constBegin(); p != in.constEnd(); ++p)
                    props.insert(p.key(), toV2(p.value()));
                out.insert(it.key(), props);
            } else {
                out.insert(it.key(), toV2(it.value()));
            }
        } else {
            out.insert(it.key(), it.value());
        }
    }
    return out;
}

} // namespace

QString openApiOperationGroup(const QString &group)
{
    if (group.isEmpty())
        return QStringLiteral("Core");
    QString g = group;
    if (g.endsWith(QLatin1String(".k8s.io")))
        g.chop(7);
    QString out;
    for (const QString &part : g.split(QLatin1Char('.'), Qt::SkipEmptyParts))
        out += ucfirst(part);
    return out;
}

QJsonObject openApiPathsV3(const QList<BuiltinResource> &resources)
{
    return paths(resources, true);
}

QJsonObject openApiPathsV2(const QList<BuiltinResource> &resources)
{
    return paths(resources, false);
}

QJsonObject openApiSchemaToV2(const QJsonObject &schema)
{
    return toV2(schema).toObject();
}

QSet<QString> openApiSchemaClosure(const QStringList &seeds, const QMap<QString, QJsonObject> &pool)
{
    QSet<QString> seen;
    QStringList todo = seeds;
    while (!todo.isEmpty()) {
        const QString name = todo.takeLast();
        if (seen.contains(name))
            continue;
        seen.insert(name);
        QStringList refs;
        collectRefs(pool.value(name), refs);
        for (const QString &r : refs) {
            if (!seen.contains(r))
                todo.append(r);
        }
    }
    return seen;
}

} // namespace Qluster
