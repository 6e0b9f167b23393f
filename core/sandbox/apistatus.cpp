// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "apistatus.h"

#include <QJsonArray>

namespace Qluster {

namespace ApiStatus {

QJsonObject failure(int code, const QString &reason, const QString &message,
                    const QJsonObject &details)
{
    QJsonObject s{{QStringLiteral("kind"), QStringLiteral("Status")},
                  {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                  {QStringLiteral("metadata"), QJsonObject{}},
                  {QStringLiteral("status"), QStringLiteral("Failure")},
                  {QStringLiteral("message"), message},
                  {QStringLiteral("reason"), reason},
                  {QStringLiteral("code"), code}};
    if (!details.isEmpty() || code == 415)
        s.insert(QStringLiteral("details"), details);
    if (reason.isEmpty())
        s.remove(QStringLiteral("reason"));
    return s;
}

QJsonObject success(const QJsonObject &details)
{
    QJsonObject s{{QStringLiteral("kind"), QStringLiteral("Status")},
                  {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                  {QStringLiteral("metadata"), QJsonObject{}},
                  {QStringLiteral("status"), QStringLiteral("Success")}};
    if (!details.isEmpty())
        s.insert(QStringLiteral("details"), details);
    return s;
}

QJsonObject fromError(const Error &error)
{
    QJsonObject details;
    if (!error.causes.isEmpty()) {
        QJsonArray causes;
        for (const StatusCause &c : error.causes) {
            QJsonObject o{{QStringLiteral("reason"), c.reason}, {QStringLiteral("message"), c.message}};
            if (!c.field.isEmpty())
                o.insert(QStringLiteral("field"), c.field);
            causes.append(o);
        }
        details.insert(QStringLiteral("causes"), causes);
    }
    const int code = error.httpStatus > 0 ? error.httpStatus : 400;
    const QString reason = error.reason.isEmpty() ? QStringLiteral("BadRequest") : error.reason;
    return failure(code, reason, error.message, details);
}

QJsonObject notFound(const QString &resource, const QString &name, const QString &group)
{
    if (name.isEmpty())
        return failure(404, QStringLiteral("NotFound"), QStringLiteral("the server could not find the requested resource"));
    QJsonObject details{{QStringLiteral("name"), name}, {QStringLiteral("kind"), resource}};
    if (!group.isEmpty())
        details.insert(QStringLiteral("group"), group);
    const QString qualified = group.isEmpty() ? resource : resource + QLatin1Char('.') + group;
    return failure(404, QStringLiteral("NotFound"), QStringLiteral("%1 \"%2\" not found").arg(qualified, name), details);
}

QJsonObject alreadyExists(const QString &resource, const QString &group, const QString &name)
{
    QJsonObject details{{QStringLiteral("name"), name}, {QStringLiteral("kind"), resource}};
    if (!group.isEmpty())
        details.insert(QStringLiteral("group"), group);
    const QString qualified = group.isEmpty() ? resource : resource + QLatin1Char('.') + group;
    return failure(409, QStringLiteral("AlreadyExists"),
                   QStringLiteral("%1 \"%2\" already exists").arg(qualified, name), details);
}

QJsonObject conflict(const QString &resource, const QString &name, const QString &group)
{
    QJsonObject details{{QStringLiteral("name"), name}, {QStringLiteral("kind"), resource}};
    if (!group.isEmpty())
        details.insert(QStringLiteral("group"), group);
    const QString qualified = group.isEmpty() ? resource : resource + QLatin1Char('.') + group;
    return failure(409, QStringLiteral("Conflict"),
                   QStringLiteral("Operation cannot be fulfilled on %1 \"%2\": the object has been "
                                  "modified; please apply your changes to the latest version and "
                                  "try again")
                       .arg(qualified, name),
                   details);
}

QJsonObject badRequest(const QString &message)
{
    return failure(400, QStringLiteral("BadRequest"), message);
}

QJsonObject invalid(const QString &kind, const QString &group, const QString &name,
                    const QString &field, const QString &causeMessage)
{
    QJsonObject details{{QStringLiteral("name"), name},
                        {QStringLiteral("kind"), kind},
                        {QStringLiteral("causes"),
                         QJsonArray{QJsonObject{{QStringLiteral("reason"), QStringLiteral("FieldValueInvalid")},
                                                {QStringLiteral("message"), causeMessage},
                                                {QStringLiteral("field"), field}}}}};
    if (!group.isEmpty())
        details.insert(QStringLiteral("group"), group);
    const QString qualified = group.isEmpty() ? kind : kind + QLatin1Char('.') + group;
    return failure(422, QStringLiteral("Invalid"),
                   QStringLiteral("%1 \"%2\" is invalid: %3: %4").arg(qualified, name, field, causeMessage),
                   details);
}

QJsonObject forbiddenBecause(const QString &resource, const QString &group, const QString &name,
                             const QString &why)
{
    const QString qualified = group.isEmpty() ? resource : resource + QLatin1Char('.') + group;
    const QString message = name.isEmpty() ? QStringLiteral("%1 is forbidden: %2").arg(qualified, why)
                                           : QStringLiteral("%1 \"%2\" is forbidden: %3").arg(qualified, name, why);
    QJsonObject details{{QStringLiteral("kind"), resource}};
    if (!name.isEmpty())
        details.insert(QStringLiteral("name"), name);
    if (!group.isEmpty())
        details.insert(QStringLiteral("group"), group);
    return failure(403, QStringLiteral("Forbidden"), message, details);
}

QJsonObject forbidden(const QString &user, const QString &verb, const QString &resource,
                      const QString &group, const QString &namespaceName, const QString &name)
{
    QString why = QStringLiteral("User \"%1\" cannot %2 resource \"%3\" in API group \"%4\"").arg(user, verb, resource, group);
    if (namespaceName.isEmpty())
        why += QStringLiteral(" at the cluster scope");
    else
        why += QStringLiteral(" in the namespace \"%1\"").arg(namespaceName);
    // The message names the resource without its subresource: `deployments.apps "web" is
    // forbidden: ... cannot patch resource "deployments/scale" ...`.
    return forbiddenBecause(resource.section(QLatin1Char('/'), 0, 0), group, name, why);
}

QJsonObject methodNotAllowed()
{
    return failure(405, QStringLiteral("MethodNotAllowed"),
                   QStringLiteral("the server does not allow this method on the requested resource"));
}

QJsonObject unauthorized()
{
    return failure(401, QStringLiteral("Unauthorized"), QStringLiteral("Unauthorized"));
}

QJsonObject expired(const QString &message)
{
    return failure(410, QStringLiteral("Expired"), message);
}

} // namespace ApiStatus

Error statusError(int code, const QString &reason, const QString &message)
{
    return Error::http(code, reason, message);
}

} // namespace Qluster
