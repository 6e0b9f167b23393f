// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "listoptions.h"

#include "apistatus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QList>

#include <algorithm>
#include <limits>
#include <optional>

namespace Qluster {

namespace {

const QLatin1String kTokenVersion("meta.k8s.io/v1");

QString notValid(const QString &why)
{
    return QStringLiteral("continue key is not valid: ") + why;
}

bool isBase64UrlCharacter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
           || c == '_';
}

// Go's path.Clean would change nothing: no empty, "." or ".." element (the apiserver rejects a
// start key that could range outside the list's prefix).
bool isCleanPath(const QString &path)
{
    if (path == QLatin1String("/"))
        return true;
    const QStringList elements = path.mid(1).split(QLatin1Char('/'));
    for (const QString &e : elements) {
        if (e.isEmpty() || e == QLatin1String(".") || e == QLatin1String(".."))
            return false;
    }
    return true;
}

// A field.Error of ListOptions: its cause type, path and body ("Forbidden: …").
struct FieldError
{
    QString type;
    QString field;
    QString body;
};

QJsonObject invalidListOptions(const QList<FieldError> &errors)
{
    QStringList messages;
    QJsonArray causes;
    for (const FieldError &e : errors) {
        messages << e.field + QStringLiteral(": ") + e.body;
        causes.append(QJsonObject{{QStringLiteral("reason"), e.type},
                                  {QStringLiteral("message"), e.body},
                                  {QStringLiteral("field"), e.field}});
    }
    // utilerrors.Aggregate prints one error bare and several as "[a, b]".
    const QString aggregate = messages.size() == 1
                                  ? messages.first()
                                  : QString(QLatin1Char('[') + messages.join(QStringLiteral(", ")) + QLatin1Char(']'));
    return ApiStatus::failure(422, QStringLiteral("Invalid"),
                              QStringLiteral("ListOptions.meta.k8s.io \"\" is invalid: ") + aggregate,
                              QJsonObject{{QStringLiteral("group"), QStringLiteral("meta.k8s.io")},
                                          {QStringLiteral("kind"), QStringLiteral("ListOptions")},
                                          {QStringLiteral("causes"), causes}});
}

// The apiserver's versioner parses with strconv.ParseUint and reports its error.
std::optional<QString> resourceVersionError(const QString &text)
{
    bool ok = false;
    const qulonglong value = text.toULongLong(&ok);
    if (ok && value <= qulonglong(std::numeric_limits<qint64>::max()))
        return std::nullopt;
    const bool digits = !text.isEmpty()
                        && std::all_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); });
    const QString why = digits ? QStringLiteral("value out of range") : QStringLiteral("invalid syntax");
    return QStringLiteral("invalid resource version: resourceVersion: Invalid value: \"%1\": "
                          "strconv.ParseUint: parsing \"%1\": %2")
        .arg(text, why);
}

} // namespace

QString ContinueToken::encode() const
{
    // Written by hand to keep the apiserver's field order (v, rv, start).
    const QByteArray start = QJsonDocument(QJsonArray{this->start}).toJson(QJsonDocument::Compact);
    QByteArray json = "{\"v\":\"meta.k8s.io/v1\",\"rv\":" + QByteArray::number(resourceVersion)
                      + ",\"start\":" + start.mid(1, start.size() - 2);
    if (offset >= 0)
        json += ",\"offset\":" + QByteArray::number(offset);
    json += '}';
    return QString::fromLatin1(json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<ContinueToken> ContinueToken::decode(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (!isBase64UrlCharacter(bytes.at(i)))
            return fail(Error::invalid(notValid(QStringLiteral("illegal base64 data at input byte %1").arg(i))));
    }
    if (bytes.size() % 4 == 1) {
        return fail(Error::invalid(
            notValid(QStringLiteral("illegal base64 data at input byte %1").arg(bytes.size() - 1))));
    }
    const QByteArray json = QByteArray::fromBase64(bytes, QByteArray::Base64UrlEncoding
                                                              | QByteArray::OmitTrailingEquals);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(Error::invalid(notValid(parseError.errorString())));
    if (!document.isObject())
        return fail(Error::invalid(notValid(QStringLiteral("json: cannot unmarshal into a continue token"))));
    const QJsonObject o = document.object();
    const QString version = o.value(QLatin1String("v")).toString();
    if (version != kTokenVersion) {
        return fail(Error::invalid(
            notValid(QStringLiteral("server does not recognize this encoded version ") + version)));
    }
    ContinueToken token;
    token.resourceVersion = o.value(QLatin1String("rv")).toInteger();
    if (token.resourceVersion == 0) {
        return fail(Error::invalid(
            notValid(QStringLiteral("incorrect encoded start resourceVersion (version meta.k8s.io/v1)"))));
    }
    const QString start = o.value(QLatin1String("start")).toString();
    if (start.isEmpty())
        return fail(Error::invalid(notValid(QStringLiteral("encoded start key empty (version meta.k8s.io/v1)"))));
    const QString rooted = start.startsWith(QLatin1Char('/')) ? start : QString(QLatin1Char('/') + start);
    if (!isCleanPath(rooted))
        return fail(Error::invalid(notValid(start)));
    token.start = rooted.mid(1);
    token.offset = o.value(QLatin1String("offset")).toInteger(-1);
    return token;
}

std::expected<ListRead, QJsonObject> ListRead::parse(const QString &resourceVersion,
                                                     const QString &resourceVersionMatch,
                                                     const QString &continueToken, qint64 limit)
{
    const QLatin1String exact("Exact");
    const QLatin1String notOlderThan("NotOlderThan");
    const QString matchField = QStringLiteral("resourceVersionMatch");
    // metainternalversion validation.ValidateListOptions, run by the list handler first.
    QList<FieldError> errors;
    if (!resourceVersionMatch.isEmpty()) {
        const QString forbidden = QStringLiteral("FieldValueForbidden");
        if (resourceVersion.isEmpty()) {
            errors.append({forbidden, matchField,
                           QStringLiteral("Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided")});
        }
        if (!continueToken.isEmpty()) {
            errors.append({forbidden, matchField,
                           QStringLiteral("Forbidden: resourceVersionMatch is forbidden when continue is provided")});
        }
        if (resourceVersionMatch != exact && resourceVersionMatch != notOlderThan) {
            errors.append({QStringLiteral("FieldValueNotSupported"), matchField,
                           QStringLiteral("Unsupported value: \"%1\": supported values: \"Exact\", \"NotOlderThan\", \"\"")
                               .arg(resourceVersionMatch)});
        }
        if (resourceVersionMatch == exact && resourceVersion == QLatin1String("0")) {
            errors.append({forbidden, matchField,
                           QStringLiteral("Forbidden: resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\"")});
        }
    }
    if (!errors.isEmpty())
        return std::unexpected(invalidListOptions(errors));

    // The etcd3 store's GetList: the resourceVersion, then the continue token.
    const bool anyVersion = resourceVersion.isEmpty() || resourceVersion == QLatin1String("0");
    if (!anyVersion) {
        if (const auto error = resourceVersionError(resourceVersion))
            return std::unexpected(ApiStatus::badRequest(*error));
    }
    ListRead read;
    if (!continueToken.isEmpty()) {
        auto token = ContinueToken::decode(continueToken);
        if (!token)
            return std::unexpected(ApiStatus::badRequest(QStringLiteral("invalid continue token: ") + token.error().message));
        if (!anyVersion)
            return std::unexpected(ApiStatus::badRequest(QStringLiteral("specifying resource version is not allowed when using continue")));
        read.source = Source::Continue;
        read.token = *token;
        return read;
    }
    if (resourceVersion.isEmpty())
        return read;
    if (resourceVersion == QLatin1String("0")) {
        // The watch cache answers "any version" lists, and it does not paginate.
        read.fromWatchCache = true;
        return read;
    }
    const qint64 version = resourceVersion.toLongLong();
    // Legacy: a resourceVersion with a limit and no match reads exactly that revision from etcd.
    if (resourceVersionMatch == exact || (resourceVersionMatch.isEmpty() && limit > 0)) {
        read.source = Source::Exact;
        read.resourceVersion = version;
        return read;
    }
    read.minimumResourceVersion = version;
    read.fromWatchCache = limit <= 0;
    return read;
}

namespace ListStatus {

QJsonObject inconsistentContinue(const ContinueToken &expired)
{
    QJsonObject status = ApiStatus::expired(QStringLiteral(
        "The provided continue parameter is too old to display a consistent list result. You can "
        "start a new list without the continue parameter, or use the continue token in this "
        "response to retrieve the remainder of the results. Continuing with the provided token "
        "results in an inconsistent list - objects that were created, modified, or deleted between "
        "the time the first chunk was returned and now may show up in the list."));
    ContinueToken latest;
    latest.resourceVersion = -1;
    latest.start = expired.start;
    status.insert(QStringLiteral("metadata"), QJsonObject{{QStringLiteral("continue"), latest.encode()}});
    return status;
}

QJsonObject tooOld()
{
    return ApiStatus::expired(QStringLiteral("The resourceVersion for the provided list is too old."));
}

QJsonObject tooLarge(qint64 requested, qint64 current, int retryAfterSeconds)
{
    QJsonObject details{{QStringLiteral("causes"),
                         QJsonArray{QJsonObject{{QStringLiteral("reason"), QStringLiteral("ResourceVersionTooLarge")},
                                                {QStringLiteral("message"), QStringLiteral("Too large resource version")}}}}};
    if (retryAfterSeconds > 0)
        details.insert(QStringLiteral("retryAfterSeconds"), retryAfterSeconds);
    return ApiStatus::failure(504, QStringLiteral("Timeout"),
                              QStringLiteral("Timeout: Too large resource version: %1, current: %2")
                                  .arg(requested)
                                  .arg(current),
                              details);
}

QJsonObject futureRevision()
{
    const QString cause = QStringLiteral("etcdserver: mvcc: required revision is a future revision");
    return ApiStatus::failure(500, QStringLiteral("InternalError"),
                              QStringLiteral("Internal error occurred: ") + cause,
                              QJsonObject{{QStringLiteral("causes"),
                                           QJsonArray{QJsonObject{{QStringLiteral("message"), cause}}}}});
}

} // namespace ListStatus

} // namespace Qluster
