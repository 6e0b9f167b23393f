// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "sandboxserver.h"

#include "apistatus.h"
#include "autoscalingconversion.h"
#include "discoverydocuments.h"
#include "fieldselector.h"
#include "jsonpatch.h"
#include "serversideapply.h"
#include "strategicpatch.h"
#include "edit/yamljson.h"
#include "api/labelselector.h"
#include "listoptions.h"
#include "openapiregistry.h"
#include "podlogs.h"
#include "podshell.h"
#include "protobufbody.h"
#include "rbacauthorizer.h"
#include "sandboxobjects.h"
#include "serviceaccounttokens.h"
#include "tableprinter.h"
#include "util/logging.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>
#include <QUuid>
#include <QWebSocket>
#include <QWebSocketServer>

#include <tuple>

namespace Qluster {

using namespace SandboxObjects;

namespace {

QString randomToken()
{
    QByteArray bytes(24, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool isDnsSubdomain(const QString &name)
{
    static const QRegularExpression re(
        QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"));
    return name.size() <= 253 && re.match(name).hasMatch();
}

bool isDnsLabel(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    return name.size() <= 63 && re.match(name).hasMatch();
}

bool isTrue(const QString &v)
{
    return v == QLatin1String("true") || v == QLatin1String("1");
}

// Object contents without the fields every write changes, to detect no-op updates.
QJsonObject withoutVolatile(QJsonObject o)
{
    QJsonObject m = metaOf(o);
    m.remove(QStringLiteral("resourceVersion"));
    m.remove(QStringLiteral("managedFields"));
    o.insert(kMetadata, m);
    return o;
}

} // namespace

struct SandboxServer::WatchSession
{
    QPointer<HttpConnection> connection;
    ResourceType type;
    Gvr gvr;
    QString namespaceName;
    LabelSelector labels;
    FieldSelector fields;
    bool table = false;
    TablePrinter::IncludeObject include = TablePrinter::IncludeObject::Metadata;
    bool firstTable = true;
    int watcherId = 0;
    QTimer *timeout = nullptr;  // owned
    QTimer *bookmark = nullptr; // owned
};

// ---------------------------------------------------------------------------------------------
// Life cycle

SandboxServer::SandboxServer(SandboxOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_store(m_options.eventWindow)
    , m_openApi(std::make_unique<OpenApiRegistry>())
{
    m_store.setSnapshotLimit(m_options.listSnapshots);
    m_types = builtinResourceTypes();
    ResourceType ssar;
    ssar.group = QStringLiteral("authorization.k8s.io");
    ssar.version = QStringLiteral("v1");
    ssar.kind = QStringLiteral("SelfSubjectAccessReview");
    ssar.plural = QStringLiteral("selfsubjectaccessreviews");
    ssar.singular = QStringLiteral("selfsubjectaccessreview");
    ssar.namespaced = false;
    ssar.verbs = {QStringLiteral("create")};
    m_types << ssar;
    ssar.kind = QStringLiteral("SelfSubjectRulesReview");
    ssar.plural = QStringLiteral("selfsubjectrulesreviews");
    ssar.singular = QStringLiteral("selfsubjectrulesreview");
    m_types << ssar;
    ResourceType review = ssar; // `kubectl auth whoami`
    review.group = QStringLiteral("authentication.k8s.io");
    review.kind = QStringLiteral("SelfSubjectReview");
    review.plural = QStringLiteral("selfsubjectreviews");
    review.singular = QStringLiteral("selfsubjectreview");
    m_types << review;
    for (qsizetype i = 0; i < m_types.size(); ++i)
        m_typeIndex.insert(m_types.at(i).gvr(), i);
}

SandboxServer::~SandboxServer()
{
    stop();
    qDeleteAll(m_watches);
}

Result<void> SandboxServer::start()
{
    if (!m_started) {
        if (m_options.transport == SandboxOptions::Transport::Https) {
            auto ca = CertificateAuthority::create();
            if (!ca)
                return fail(ca.error());
            m_ca.emplace(std::move(*ca));
            m_caPem = m_ca->certificatePem();
            auto server = m_ca->issueServer({QStringLiteral("localhost")}, {QStringLiteral("127.0.0.1")});
            if (!server)
                return fail(server.error());
            m_serverCert = *server;
            auto admin = m_ca->issueClient(QStringLiteral("admin"), {QStringLiteral("system:masters")});
            if (!admin)
                return fail(admin.error());
            m_clientCerts.insert(QStringLiteral("admin"), *admin);
        }
        for (const QString &user : {QStringLiteral("developer"), QStringLiteral("viewer")}) {
            const QString t = randomToken();
            m_tokens.insert(t, Identity{user, {QStringLiteral("system:authenticated")}});
            m_userTokens.insert(user, t);
        }
        if (!m_options.openApiDir.isEmpty()) {
            if (auto loaded = m_openApi->loadUpstreamDirectory(m_options.openApiDir); !loaded)
                return fail(loaded.error());
        }
        startPolicies();
        loadBaseObjects();
        if (m_options.demoData)
            loadDemoObjects();
        if (m_options.pods > 0)
            loadPods(m_options.pods);
        m_lifeTimer = new QTimer(this);
        m_lifeTimer->setInterval(1000);
        connect(m_lifeTimer, &QTimer::timeout, this, &SandboxServer::lifeTick);
        m_lifeTimer->start();
        if (m_options.eventsPerSecond > 0)
            setEventsPerSecond(m_options.eventsPerSecond);
        if (m_options.compactionSeconds > 0) {
            // Like kube-apiserver's compactor: every interval, compact to the revision seen at the
            // previous tick, so a continue token stays valid for one to two intervals.
            m_compactionMark = m_store.resourceVersion();
            m_compactionTimer = new QTimer(this);
            m_compactionTimer->setInterval(m_options.compactionSeconds * 1000);
            connect(m_compactionTimer, &QTimer::timeout, this, [this] {
                m_store.compact(m_compactionMark);
                m_compactionMark = m_store.resourceVersion();
            });
            m_compactionTimer->start();
        }
        m_webSockets = new QWebSocketServer(QStringLiteral("qluster-sandbox"),
                                            QWebSocketServer::NonSecureMode, this);
        m_webSockets->setSupportedSubprotocols({QStringLiteral("v5.channel.k8s.io"),
                                                QStringLiteral("v4.channel.k8s.io")});
        connect(m_webSockets, &QWebSocketServer::newConnection, this, &SandboxServer::onWebSocket);
        m_started = true;
    }
    if (m_options.transport == SandboxOptions::Transport::Https) {
        auto *sslServer = new QSslServer(this);
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(QSslCertificate(m_serverCert.certificatePem, QSsl::Pem));
        config.setPrivateKey(QSslKey(m_serverCert.privateKeyPem, QSsl::Ec, QSsl::Pem));
        config.setCaCertificates({QSslCertificate(m_caPem, QSsl::Pem)});
        // Client certificates are optional (tokens work too); they are checked against our CA
        // in authenticate().
        config.setPeerVerifyMode(QSslSocket::QueryPeer);
        // Offer only HTTP/1.1 so that no client tries HTTP/2 on us.
        config.setAllowedNextProtocols({QByteArrayLiteral("http/1.1")});
        sslServer->setSslConfiguration(config);
        sslServer->setHandshakeTimeout(10000);
        m_server = sslServer;
    } else {
        m_server = new QTcpServer(this);
    }
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &SandboxServer::onNewConnection);
    if (!m_server->listen(QHostAddress::LocalHost, m_port ? m_port : m_options.port)) {
        const QString why = m_server->errorString();
        delete m_server;
        m_server = nullptr;
        Error e;
        e.kind = Error::Kind::Network;
        e.message = QStringLiteral("cannot listen on 127.0.0.1: ") + why;
        return fail(e);
    }
    m_port = m_server->serverPort();
    qCInfo(lcSandbox) << "sandbox listening on" << url().toString();
    return {};
}

void SandboxServer::stop()
{
    if (m_server) {
        m_server->close();
        delete m_server;
        m_server = nullptr;
    }
    const auto connections = m_connections;
    for (const auto &c : connections) {
        if (c)
            c->abort();
    }
    m_connections.clear();
    const auto sockets = m_execSockets;
    for (const auto &s : sockets) {
        if (s)
            s->abort();
    }
    m_execSockets.clear();
}

Result<void> SandboxServer::restart()
{
    stop();
    return start();
}

QUrl SandboxServer::url() const
{
    QUrl u;
    u.setScheme(m_options.transport == SandboxOptions::Transport::Https ? QStringLiteral("https")
                                                                        : QStringLiteral("http"));
    u.setHost(QStringLiteral("127.0.0.1"));
    u.setPort(m_port);
    return u;
}

QString SandboxServer::token(const QString &user) const
{
    return m_userTokens.value(user);
}

Result<void> SandboxServer::writeKubeconfig(const QString &path) const
{
    const bool https = m_options.transport == SandboxOptions::Transport::Https;
    QByteArray y;
    y += "apiVersion: v1\nkind: Config\npreferences: {}\n";
    y += "clusters:\n- name: sandbox\n  cluster:\n    server: " + url().toString().toUtf8() + "\n";
    if (https)
        y += "    certificate-authority-data: " + m_caPem.toBase64() + "\n";
    y += "users:\n";
    if (https) {
        const KeyPair admin = m_clientCerts.value(QStringLiteral("admin"));
        y += "- name: sandbox-admin\n  user:\n    client-certificate-data: "
             + admin.certificatePem.toBase64() + "\n    client-key-data: "
             + admin.privateKeyPem.toBase64() + "\n";
    } else {
        y += "- name: sandbox-admin\n  user: {}\n";
    }
    y += "- name: sandbox-token\n  user:\n    token: " + token(QStringLiteral("developer")).toUtf8() + "\n";
    y += "- name: sandbox-viewer\n  user:\n    token: " + token(QStringLiteral("viewer")).toUtf8() + "\n";
    y += "contexts:\n";
    for (const char *name : {"sandbox-admin", "sandbox-token", "sandbox-viewer"}) {
        y += QByteArray("- name: ") + name + "\n  context:\n    cluster: sandbox\n    user: " + name
             + "\n    namespace: default\n";
    }
    y += "current-context: sandbox-admin\n";
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(Error::io(path, f.errorString()));
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (f.write(y) != y.size())
        return fail(Error::io(path, f.errorString()));
    return {};
}

// ---------------------------------------------------------------------------------------------
// Connections

void SandboxServer::onNewConnection()
{
    while (m_server && m_server->hasPendingConnections())
        setUpConnection(m_server->nextPendingConnection());
}

void SandboxServer::setUpConnection(QTcpSocket *socket)
{
    // TCP_NODELAY, as Go's net package sets on every connection an apiserver accepts: a small
    // write (the head of a streamed list, a watch event) leaves at once instead of waiting for the
    // peer's delayed ACK of the write before it (Nagle).
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    auto *connection = new HttpConnection(socket, m_options.maxBodyBytes, this);
    m_connections << connection;
    connect(connection, &HttpConnection::requestReceived, this, &SandboxServer::onRequest);
    connect(connection, &HttpConnection::upgradeRequested, this, &SandboxServer::onUpgrade);
    connect(connection, &HttpConnection::closed, this, [this](HttpConnection *c) {
        m_connections.removeAll(QPointer<HttpConnection>(c));
        if (WatchSession *w = m_watches.take(c))
            retireWatch(w);
    });
}

std::optional<SandboxServer::Identity> SandboxServer::authenticate(HttpConnection *connection,
                                                                   const HttpRequest &request) const
{
    auto withAuthenticated = [](Identity id) {
        if (!id.groups.contains(QLatin1String("system:authenticated")))
            id.groups << QStringLiteral("system:authenticated");
        return id;
    };
    QString bearer;
    const QByteArray authorization = request.header("authorization");
    if (authorization.startsWith("Bearer "))
        bearer = QString::fromLatin1(authorization.mid(7).trimmed());
    else if (!m_options.tokenHeader.isEmpty())
        bearer = QString::fromLatin1(request.headers.value(m_options.tokenHeader.toLatin1().toLower()).trimmed());
    if (authorization.startsWith("Basic ") && !m_options.basicAuthUsers.isEmpty()) {
        // Opt-in only, like the --basic-auth-file kube-apiserver had until 1.19.
        const auto decoded = QByteArray::fromBase64Encoding(authorization.mid(6).trimmed(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        const qsizetype colon = decoded ? decoded.decoded.indexOf(':') : -1;
        if (colon < 0)
            return std::nullopt;
        const QString name = QString::fromUtf8(decoded.decoded.left(colon));
        const QByteArray password = decoded.decoded.mid(colon + 1);
        for (const SandboxBasicAuthUser &u : m_options.basicAuthUsers) {
            if (u.name != name)
                continue;
            // Compare digests so the time taken does not tell how much of the password matched.
            const QByteArray expected =
                QCryptographicHash::hash(u.password.toUtf8(), QCryptographicHash::Sha256);
            const QByteArray given = QCryptographicHash::hash(password, QCryptographicHash::Sha256);
            unsigned char difference = 0;
            for (qsizetype i = 0; i < expected.size(); ++i)
                difference |= static_cast<unsigned char>(expected.at(i) ^ given.at(i));
            if (difference != 0)
                return std::nullopt;
            Identity id;
            id.user = u.name;
            id.uid = u.uid;
            id.groups = u.groups;
            return withAuthenticated(id);
        }
        return std::nullopt;
    }
    if (!bearer.isEmpty()) {
        const auto it = m_tokens.constFind(bearer);
        if (it != m_tokens.constEnd())
            return withAuthenticated(*it);
        if (ServiceAccountTokens::looksLikeToken(bearer))
            return authenticateServiceAccount(bearer);
        return std::nullopt;
    }
    if (auto *ssl = qobject_cast<QSslSocket *>(connection ? connection->socket() : nullptr)) {
        const QSslCertificate cert = ssl->peerCertificate();
        if (!cert.isNull() && m_ca && m_ca->verify(cert.toDer())) {
            Identity id;
            id.user = cert.subjectInfo(QSslCertificate::CommonName).value(0);
            id.groups = cert.subjectInfo(QSslCertificate::Organization);
            return withAuthenticated(id);
        }
        return std::nullopt;
    }
    if (m_options.transport == SandboxOptions::Transport::Http && m_options.httpAnonymousAdmin)
        return withAuthenticated(Identity{QStringLiteral("admin"), {QStringLiteral("system:masters")}});
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Responses

void SandboxServer::sendBytes(Request &r, int status, const QByteArray &contentType,
                              const QByteArray &body, HttpHeaders headers)
{
    r.status = status;
    if (!r.connection)
        return;
    headers.prepend({"Content-Type", contentType});
    if (std::none_of(headers.begin(), headers.end(), [](const auto &h) { return h.first == "Cache-Control"; }))
        headers.append({QByteArray("Cache-Control"), QByteArray("no-cache, private")});
    headers.append({QByteArray("Audit-Id"), QUuid::createUuid().toByteArray(QUuid::WithoutBraces)});
    if (m_truncateCount > 0 && status != 304) {
        --m_truncateCount;
        r.connection->respondTruncated(status, headers, body);
    } else {
        r.connection->respond(status, headers, body);
    }
    Q_EMIT requestHandled(QString::fromLatin1(r.http.method), r.http.path, status);
}

void SandboxServer::sendJson(Request &r, int status, const QJsonObject &body, HttpHeaders headers)
{
    sendBytes(r, status, "application/json", compact(body), std::move(headers));
}

void SandboxServer::sendStatus(Request &r, const QJsonObject &status)
{
    sendJson(r, status.value(QLatin1String("code")).toInt(500), status);
}

void SandboxServer::sendError(Request &r, const Error &error)
{
    sendStatus(r, ApiStatus::fromError(error));
}

// ---------------------------------------------------------------------------------------------
// Request entry

void SandboxServer::onRequest(HttpConnection *connection, const HttpRequest &request)
{
    if (m_latency > 0) {
        QPointer<HttpConnection> guard(connection);
        QTimer::singleShot(m_latency, this, [this, guard, request] {
            if (guard)
                dispatch(guard, request);
        });
        return;
    }
    dispatch(connection, request);
}

void SandboxServer::dispatch(HttpConnection *connection, const HttpRequest &request)
{
    Request r;
    r.connection = connection;
    r.http = request;
    const auto identity = authenticate(connection, request);
    if (!identity) {
        sendStatus(r, ApiStatus::unauthorized());
        return;
    }
    r.identity = *identity;
    if (request.path == QLatin1String("/sandbox/v1/faults")) {
        handleFaults(r);
        return;
    }
    if (m_failCount > 0) {
        --m_failCount;
        HttpHeaders headers;
        QJsonObject status;
        switch (m_failStatus) {
        case 410:
            status = ApiStatus::expired(QStringLiteral("injected fault: resource version expired"));
            break;
        case 429:
            headers.append({"Retry-After", QByteArray::number(m_failRetryAfter)});
            status = ApiStatus::failure(429, QStringLiteral("TooManyRequests"),
                                        QStringLiteral("injected fault: too many requests, please try again later"),
                                        QJsonObject{{QStringLiteral("retryAfterSeconds"), m_failRetryAfter}});
            break;
        default:
            status = ApiStatus::failure(m_failStatus, QStringLiteral("InternalError"),
                                        QStringLiteral("injected fault: an error on the server (\"\") has prevented the request from succeeding"));
        }
        sendJson(r, m_failStatus, status, headers);
        return;
    }
    if (handleUnavailableGroupVersion(r) || handleNonResource(r))
        return;
    const auto p = parseResourcePath(request.path);
    if (!p) {
        sendStatus(r, ApiStatus::notFound(QString(), QString()));
        return;
    }
    if (!p->type) {
        sendStatus(r, ApiStatus::notFound(QString(), QString()));
        return;
    }
    handleResource(r, *p);
}

std::optional<SandboxServer::ResourcePath> SandboxServer::parseResourcePath(const QString &path) const
{
    const QStringList seg = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    ResourcePath p;
    qsizetype i = 0;
    if (seg.value(0) == QLatin1String("api") && seg.size() >= 3) {
        p.version = seg.at(1);
        i = 2;
    } else if (seg.value(0) == QLatin1String("apis") && seg.size() >= 4) {
        p.group = seg.at(1);
        p.version = seg.at(2);
        i = 3;
    } else {
        return std::nullopt;
    }
    const QStringList rest = seg.mid(i);
    if (rest.value(0) == QLatin1String("namespaces") && rest.size() >= 3) {
        const ResourceType *t = findType(p.group, p.version, rest.at(2));
        if (t && t->namespaced) {
            if (rest.size() > 5)
                return std::nullopt;
            p.type = t;
            p.namespaceName = rest.at(1);
            p.resource = rest.at(2);
            p.name = rest.value(3);
            p.subresource = rest.value(4);
            return p;
        }
    }
    if (rest.size() > 3)
        return std::nullopt;
    p.resource = rest.at(0);
    p.type = findType(p.group, p.version, p.resource);
    p.name = rest.value(1);
    p.subresource = rest.value(2);
    return p;
}

const ResourceType *SandboxServer::findType(const QString &group, const QString &version,
                                            const QString &plural) const
{
    const auto it = m_typeIndex.constFind(Gvr{group, version, plural});
    return it == m_typeIndex.constEnd() ? nullptr : &m_types.at(*it);
}

const ResourceType *SandboxServer::findTypeByKind(const QString &group, const QString &kind) const
{
    for (const ResourceType &t : m_types) {
        if (t.group == group && t.kind == kind)
            return &t;
    }
    return nullptr;
}

Gvr SandboxServer::storageGvr(const ResourceType &type) const
{
    // Both versions of HorizontalPodAutoscaler are stored as autoscaling/v2, as upstream does.
    if (!type.isCustom && type.group == QLatin1String("autoscaling") && type.plural == QLatin1String("horizontalpodautoscalers"))
        return Gvr{type.group, QStringLiteral("v2"), type.plural};
    // Every version of a CRD shares one collection (conversion strategy None).
    if (!type.isCustom)
        return type.gvr();
    for (const ResourceType &t : m_types) {
        if (t.isCustom && t.group == type.group && t.plural == type.plural)
            return Gvr{t.group, QStringLiteral("storage"), t.plural};
    }
    return type.gvr();
}

QJsonObject SandboxServer::presentObject(const ResourceType &type, QJsonObject object) const
{
    // A stored autoscaling/v2 autoscaler read through autoscaling/v1.
    if (type.group == QLatin1String("autoscaling") && type.version == QLatin1String("v1")
        && object.value(QLatin1String("apiVersion")).toString() == QLatin1String("autoscaling/v2"))
        object = AutoscalingConversion::toV1(object);
    object.insert(QStringLiteral("apiVersion"), type.groupVersion());
    object.insert(QStringLiteral("kind"), type.kind);
    return object;
}

Result<QJsonObject> SandboxServer::parseBody(const Request &r) const
{
    if (r.http.body.trimmed().isEmpty())
        return fail(statusError(400, QStringLiteral("BadRequest"), QStringLiteral("the request body is empty")));
    const QByteArray contentType = r.http.header("content-type").split(';').value(0).trimmed().toLower();
    if (contentType == "application/vnd.kubernetes.protobuf") {
        auto decoded = decodeProtobufBody(r.http.body);
        if (!decoded) {
            // A body that is not protobuf is a bad request; a kind or field the sandbox's schema
            // lacks is a limit of the sandbox, reported with its name so kubectl users see why.
            if (decoded.error().kind == Error::Kind::Parse)
                return fail(statusError(400, QStringLiteral("BadRequest"), decoded.error().message));
            return fail(statusError(415, QStringLiteral("UnsupportedMediaType"),
                                    QStringLiteral("the body of the request was in an unknown format (%1): %2")
                                        .arg(QString::fromLatin1(contentType), decoded.error().message)));
        }
        return *decoded;
    }
    if (contentType == "application/yaml" || contentType == "application/apply-patch+yaml") {
        auto yaml = yamlToJson(r.http.body, QStringLiteral("request body"));
        if (!yaml && contentType == "application/apply-patch+yaml") {
            // The apply handler's wording (sigs.k8s.io/yaml under it); the problem is yaml-cpp's.
            const Error &e = yaml.error();
            return fail(statusError(400, QStringLiteral("BadRequest"),
                                    QStringLiteral("error decoding YAML: error converting YAML to JSON: yaml: %1%2")
                                        .arg(e.line > 0 ? QStringLiteral("line %1: ").arg(e.line) : QString(), e.message)));
        }
        if (!yaml)
            return fail(statusError(400, QStringLiteral("BadRequest"),
                                    QStringLiteral("the body of the request was in an unknown format (%1): %2")
                                        .arg(QString::fromLatin1(contentType), yaml.error().toString())));
        if (!yaml->isObject())
            return fail(statusError(400, QStringLiteral("BadRequest"), QStringLiteral("the body of the request must be an object")));
        return yaml->toObject();
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.http.body, &error);
    if (error.error != QJsonParseError::NoError) {
        // Report the line and column of the problem, as the apiserver's decoder does.
        const QByteArray before = r.http.body.left(error.offset);
        const int line = int(before.count('\n')) + 1;
        const int column = int(error.offset - before.lastIndexOf('\n'));
        return fail(statusError(400, QStringLiteral("BadRequest"),
                                QStringLiteral("the body of the request was in an unknown format (%1): "
                                               "error decoding JSON at line %2, column %3: %4")
                                    .arg(QString::fromLatin1(contentType))
                                    .arg(line)
                                    .arg(column)
                                    .arg(error.errorString())));
    }
    if (!doc.isObject())
        return fail(statusError(400, QStringLiteral("BadRequest"),
                                QStringLiteral("the body of the request must be a JSON object")));
    return doc.object();
}

bool SandboxServer::authorize(Request &r, const QString &verb, const ResourceType *type,
                              const QString &subresource, const QString &namespaceName,
                              const QString &name)
{
    AccessAttributes a;
    a.user = r.identity.user;
    a.groups = r.identity.groups;
    a.verb = verb;
    a.apiGroup = type ? type->group : QString();
    a.resource = type ? type->plural : QString();
    a.subresource = subresource;
    a.namespaceName = namespaceName;
    a.name = name;
    if (RbacAuthorizer(m_store).allowed(a))
        return true;
    sendStatus(r, ApiStatus::forbidden(a.user, verb,
                                       subresource.isEmpty() ? a.resource : a.resource + QLatin1Char('/') + subresource,
                                       a.apiGroup, namespaceName, name));
    return false;
}

// ---------------------------------------------------------------------------------------------
// Non-resource endpoints and discovery

bool SandboxServer::handleNonResource(Request &r)
{
    const QString &path = r.http.path;
    const QString clean = path.endsWith(QLatin1Char('/')) && path.size() > 1 ? path.chopped(1) : path;
    if (clean == QLatin1String("/version")) {
        sendJson(r, 200, QJsonObject{{QStringLiteral("major"), QStringLiteral("1")},
                                     {QStringLiteral("minor"), QStringLiteral("32")},
                                     {QStringLiteral("gitVersion"), QStringLiteral("v1.32.0-qluster-sandbox")},
                                     {QStringLiteral("gitCommit"), QStringLiteral("0000000000000000000000000000000000000000")},
                                     {QStringLiteral("gitTreeState"), QStringLiteral("clean")},
                                     {QStringLiteral("buildDate"), QStringLiteral("2026-01-01T00:00:00Z")},
                                     {QStringLiteral("goVersion"), QStringLiteral("go1.23.0")},
                                     {QStringLiteral("compiler"), QStringLiteral("gc")},
                                     {QStringLiteral("platform"), QStringLiteral("linux/amd64")}});
        return true;
    }
    if (clean == QLatin1String("/healthz") || clean == QLatin1String("/livez")
        || clean == QLatin1String("/readyz")) {
        sendBytes(r, 200, "text/plain; charset=utf-8", "ok");
        return true;
    }
    if (clean == QLatin1String("/openapi/v2") || clean == QLatin1String("/openapi/v3")
        || clean.startsWith(QLatin1String("/openapi/v3/"))) {
        handleOpenApi(r, clean);
        return true;
    }
    if (clean == QLatin1String("/api")) {
        handleDiscovery(r, DiscoveryDocuments::apiVersions(QStringLiteral("127.0.0.1:%1").arg(m_port)), true);
        return true;
    }
    if (clean == QLatin1String("/apis")) {
        handleDiscovery(r, DiscoveryDocuments::apiGroupList(m_types, unavailableGroupVersions()), false);
        return true;
    }
    const QStringList seg = clean.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (seg.size() == 2 && seg.at(0) == QLatin1String("api")) {
        const QJsonObject doc = DiscoveryDocuments::apiResourceList(m_types, QString(), seg.at(1));
        if (doc.isEmpty())
            sendStatus(r, ApiStatus::notFound(QString(), QString()));
        else
            sendJson(r, 200, doc);
        return true;
    }
    if (seg.size() == 2 && seg.at(0) == QLatin1String("apis")) {
        const QJsonObject doc = DiscoveryDocuments::apiGroup(m_types, seg.at(1), unavailableGroupVersions());
        if (doc.isEmpty())
            sendStatus(r, ApiStatus::notFound(QString(), QString()));
        else
            sendJson(r, 200, doc);
        return true;
    }
    if (seg.size() == 3 && seg.at(0) == QLatin1String("apis")) {
        const QJsonObject doc = DiscoveryDocuments::apiResourceList(m_types, seg.at(1), seg.at(2));
        if (doc.isEmpty())
            sendStatus(r, ApiStatus::notFound(QString(), QString()));
        else
            sendJson(r, 200, doc);
        return true;
    }
    if (seg.value(0) == QLatin1String("api") || seg.value(0) == QLatin1String("apis"))
        return false;
    sendStatus(r, ApiStatus::notFound(QString(), QString()));
    return true;
}

void SandboxServer::handleDiscovery(Request &r, const QJsonObject &unaggregated, bool legacy)
{
    // Content negotiation as in KEP-3352: the first acceptable media type of the Accept list wins.
    QString discoveryVersion;
    if (m_options.aggregatedDiscovery) {
        for (const QByteArray &range : r.http.header("accept").split(',')) {
            const QByteArray mt = range.trimmed().toLower();
            if (mt.contains("as=apigroupdiscoverylist") && mt.contains("g=apidiscovery.k8s.io")) {
                if (mt.contains("v=v2beta1")) {
                    discoveryVersion = QStringLiteral("v2beta1");
                    break;
                }
                if (mt.contains("v=v2")) {
                    discoveryVersion = QStringLiteral("v2");
                    break;
                }
                continue;
            }
            if (mt.startsWith("application/json") || mt.startsWith("*/*"))
                break;
        }
    }
    HttpHeaders headers{{"Vary", "Accept"}};
    if (discoveryVersion.isEmpty()) {
        sendJson(r, 200, unaggregated, headers);
        return;
    }
    const QByteArray body = compact(DiscoveryDocuments::aggregated(m_types, legacy, discoveryVersion,
                                                                   legacy ? QList<DiscoveryDocuments::UnavailableGroupVersion>()
                                                                          : unavailableGroupVersions()));
    const QByteArray etag = '"' + QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex().left(32) + '"';
    headers.append({"ETag", etag});
    const QByteArray contentType = "application/json;g=apidiscovery.k8s.io;v=" + discoveryVersion.toLatin1()
                                   + ";as=APIGroupDiscoveryList";
    if (r.http.header("if-none-match") == etag) {
        sendBytes(r, 304, contentType, QByteArray(), headers);
        return;
    }
    sendBytes(r, 200, contentType, body, headers);
}

// ---------------------------------------------------------------------------------------------
// Resources

void SandboxServer::handleResource(Request &r, const ResourcePath &p)
{
    const QByteArray &method = r.http.method;
    const ResourceType &type = *p.type;
    const bool isReview = type.group == QLatin1String("authorization.k8s.io") || type.group == QLatin1String("authentication.k8s.io");
    if (isReview) {
        if (method != "POST" || !p.name.isEmpty()) {
            sendStatus(r, ApiStatus::methodNotAllowed());
            return;
        }
        if (type.group == QLatin1String("authentication.k8s.io"))
            handleSelfSubjectReview(r);
        else
            handleReview(r, type.kind);
        return;
    }
    if (!p.subresource.isEmpty()) {
        const auto subs = DiscoveryDocuments::subresources(type);
        const bool known = std::any_of(subs.begin(), subs.end(),
                                       [&](const auto &s) { return s.name == p.subresource; });
        if (!known) {
            sendStatus(r, ApiStatus::notFound(QString(), QString()));
            return;
        }
    }
    const QString verb = requestVerb(r, !p.name.isEmpty());
    if (verb.isEmpty()) {
        sendStatus(r, ApiStatus::methodNotAllowed());
        return;
    }
    if (p.subresource == QLatin1String("exec")) {
        if (!authorize(r, QStringLiteral("create"), &type, p.subresource, p.namespaceName, p.name))
            return;
        sendStatus(r, ApiStatus::badRequest(QStringLiteral("Upgrade request required")));
        return;
    }
    if (!authorize(r, verb, &type, p.subresource, p.namespaceName, p.name))
        return;
    if (p.subresource == QLatin1String("token")) {
        handleTokenRequest(r, p);
        return;
    }
    if ((method == "POST" && !p.name.isEmpty()) || ((method == "PUT" || method == "PATCH") && p.name.isEmpty())) {
        sendStatus(r, ApiStatus::methodNotAllowed());
        return;
    }
    if (p.subresource == QLatin1String("scale")) {
        handleScale(r, p);
        return;
    }
    if (p.subresource == QLatin1String("log")) {
        if (method != "GET") {
            sendStatus(r, ApiStatus::methodNotAllowed());
            return;
        }
        handleLog(r, p);
        return;
    }
    if (method == "GET" || method == "HEAD") {
        if (!p.name.isEmpty())
            handleGet(r, p);
        else if (verb == QLatin1String("watch"))
            handleWatch(r, p);
        else
            handleList(r, p);
    } else if (method == "POST") {
        handleCreate(r, p);
    } else if (method == "PUT") {
        handleUpdate(r, p);
    } else if (method == "PATCH") {
        handlePatch(r, p);
    } else if (p.name.isEmpty()) {
        handleDeleteCollection(r, p);
    } else {
        handleDelete(r, p);
    }
}

namespace {

// The manager recorded for a write: ?fieldManager=, else the User-Agent's program name, as the
// apiserver defaults it ("kubectl/v1.32.4 (linux/amd64) ..." -> "kubectl").
QString fieldManagerOf(const HttpRequest &request)
{
    const QString explicitManager = request.queryValue("fieldManager");
    if (!explicitManager.isEmpty())
        return explicitManager;
    const QString agent = QString::fromUtf8(request.header("user-agent")).section(QLatin1Char('/'), 0, 0).trimmed();
    return agent.isEmpty() ? QStringLiteral("unknown") : agent;
}

bool wantsTable(const HttpRequest &request)
{
    return request.header("accept").contains("as=Table");
}


} // namespace

void SandboxServer::handleGet(Request &r, const ResourcePath &p)
{
    const ResourceType &type = *p.type;
    const QJsonObject *object = m_store.get(storageGvr(type), type.namespaced ? p.namespaceName : QString(), p.name);
    if (!object) {
        sendStatus(r, ApiStatus::notFound(type.plural, p.name, type.group));
        return;
    }
    const QJsonObject o = presentObject(type, *object);
    if (wantsTable(r.http)) {
        const auto include = TablePrinter::parseIncludeObject(r.http.queryValue("includeObject"));
        const QJsonArray rows{TablePrinter::row(type, o, include, QDateTime::currentDateTimeUtc())};
        sendJson(r, 200, TablePrinter::table(type, rows,
                                             QJsonObject{{QStringLiteral("resourceVersion"),
                                                          metaString(o, QLatin1String("resourceVersion"))}}));
        return;
    }
    sendJson(r, 200, o);
}

void SandboxServer::handleList(Request &r, const ResourcePath &p)
{
    const ResourceType &type = *p.type;
    auto labels = LabelSelector::parse(r.http.queryValue("labelSelector"));
    if (!labels) {
        sendStatus(r, ApiStatus::badRequest(labels.error().message));
        return;
    }
    auto fields = FieldSelector::parse(r.http.queryValue("fieldSelector"), type.kind);
    if (!fields) {
        sendStatus(r, ApiStatus::badRequest(fields.error().message));
        return;
    }
    bool limitOk = false;
    qint64 limit = r.http.queryValue("limit").toLongLong(&limitOk);
    if (!limitOk || limit <= 0)
        limit = 0;
    const auto read = ListRead::parse(r.http.queryValue("resourceVersion"),
                                      r.http.queryValue("resourceVersionMatch"),
                                      r.http.queryValue("continue"), limit);
    if (!read) {
        sendStatus(r, read.error());
        return;
    }
    if (read->fromWatchCache)
        limit = 0;

    // Every page of one list is served from the same snapshot of the collection: the version of
    // the first page, as etcd serves continue pages at the first page's revision.
    const Gvr gvr = storageGvr(type);
    const QString prefix = type.namespaced && !p.namespaceName.isEmpty() ? p.namespaceName + QLatin1Char('/') : QString();
    const qint64 current = m_store.resourceVersion();
    ObjectStore::Snapshot snapshot;
    bool retained = false;
    QString startKey;
    qint64 offset = 0;
    switch (read->source) {
    case ListRead::Source::Latest:
        if (read->minimumResourceVersion > current) {
            sendStatus(r, ListStatus::tooLarge(read->minimumResourceVersion, current, read->fromWatchCache ? 1 : 0));
            return;
        }
        snapshot = m_store.snapshot(gvr);
        break;
    case ListRead::Source::Exact: {
        if (read->resourceVersion > current) {
            sendStatus(r, ListStatus::futureRevision());
            return;
        }
        auto at = m_store.snapshotAt(gvr, read->resourceVersion);
        if (!at) {
            sendStatus(r, ListStatus::tooOld());
            return;
        }
        snapshot = std::move(*at);
        break;
    }
    case ListRead::Source::Continue: {
        const ContinueToken &token = read->token;
        startKey = prefix + token.start;
        if (token.resourceVersion < 0) {
            // After a 410 the client may go on at the latest version (an inconsistent list).
            snapshot = m_store.snapshot(gvr);
            const auto &objects = *snapshot.objects;
            offset = std::distance(prefix.isEmpty() ? objects.begin() : objects.lower_bound(prefix),
                                   objects.lower_bound(startKey));
            break;
        }
        if (token.resourceVersion > current) {
            sendStatus(r, ListStatus::futureRevision());
            return;
        }
        // The fault knob expires the next continue tokens as a compaction would.
        const bool injected = m_expireContinues > 0;
        auto at = injected ? Result<ObjectStore::Snapshot>(fail(Error::http(410, QStringLiteral("Expired"), QString())))
                           : m_store.snapshotAt(gvr, token.resourceVersion);
        if (!at) {
            if (injected)
                --m_expireContinues;
            m_store.releaseSnapshot(gvr, token.resourceVersion);
            sendStatus(r, ListStatus::inconsistentContinue(token));
            return;
        }
        snapshot = std::move(*at);
        retained = m_store.isSnapshotRetained(gvr, token.resourceVersion);
        offset = qMax<qint64>(0, token.offset);
        break;
    }
    }

    const auto &objects = *snapshot.objects;
    auto it = !startKey.isEmpty() ? objects.lower_bound(startKey)
                                  : prefix.isEmpty() ? objects.begin() : objects.lower_bound(prefix);
    const bool filtered = !labels->isEmpty() || !fields->isEmpty();
    // The page is chosen first, its items printed after: the envelope (with the continue token)
    // can then be sent before the rows are built.
    std::vector<const QJsonObject *> selected;
    qint64 scanned = 0;
    QString lastKey;
    bool more = false;
    for (; it != objects.end(); ++it) {
        if (!prefix.isEmpty() && !it->first.startsWith(prefix))
            break;
        if (limit > 0 && qint64(selected.size()) >= limit) {
            // Like etcd: any further key in the range means another page, even if the selector
            // will drop it (that page may then be empty).
            more = true;
            break;
        }
        ++scanned;
        const QJsonObject &o = it->second;
        if (filtered) {
            if (!labels->matches(metaOf(o).value(QLatin1String("labels")).toObject()) || !fields->matches(o))
                continue;
        }
        selected.push_back(&o);
        lastKey = it->first;
    }
    QJsonObject listMeta{{QStringLiteral("resourceVersion"), QString::number(snapshot.resourceVersion)}};
    if (more) {
        ContinueToken next;
        next.resourceVersion = snapshot.resourceVersion;
        next.start = lastKey.mid(prefix.size()) + QChar(0);
        next.offset = offset + scanned;
        listMeta.insert(QStringLiteral("continue"), next.encode());
        if (!filtered) {
            // Counted, not scanned: the size of the listed range minus what pages returned.
            const qsizetype total = snapshot.count(prefix.isEmpty() ? QString() : p.namespaceName);
            listMeta.insert(QStringLiteral("remainingItemCount"), qMax<qint64>(0, total - next.offset));
        }
        if (!retained)
            m_store.retainSnapshot(snapshot);
    } else if (read->source == ListRead::Source::Continue && read->token.resourceVersion > 0) {
        // The last page of a list: its snapshot is no longer needed.
        m_store.releaseSnapshot(gvr, snapshot.resourceVersion);
    }
    const bool table = wantsTable(r.http);
    // Items are serialized one by one between the envelope's two halves: with 100,000 objects
    // this avoids building (and copying) one huge QJsonArray. The envelope is written in the real
    // server's order (kind, apiVersion, metadata, then the items), not QJsonObject's sorted one,
    // so that the continue token comes before the items.
    QByteArray head;
    if (table) {
        // QJsonObject writes its keys sorted, so "rows" comes last: the head is all but "]}".
        const QByteArray empty = compact(TablePrinter::table(type, QJsonArray{}, listMeta));
        Q_ASSERT(empty.endsWith("\"rows\":[]}"));
        head = empty.chopped(2);
    } else {
        const auto jsonString = [](const QString &text) {
            return QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
        };
        head = "{\"kind\":" + jsonString(type.listKind()) + ",\"apiVersion\":" + jsonString(type.groupVersion())
               + ",\"metadata\":" + compact(listMeta) + ",\"items\":[";
    }
    const QByteArray tail = "]}";
    const auto include = TablePrinter::parseIncludeObject(r.http.queryValue("includeObject"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto appendItem = [&](QByteArray &out, const QJsonObject &o) {
        if (table) {
            out += compact(TablePrinter::row(type, presentObject(type, o), include, now));
        } else if (type.isCustom) {
            out += compact(o);
        } else {
            QJsonObject item = type.group == QLatin1String("autoscaling") ? presentObject(type, o) : o;
            item.remove(QStringLiteral("kind"));
            item.remove(QStringLiteral("apiVersion"));
            out += compact(item);
        }
    };
    // Large lists are streamed, envelope first, as an apiserver's response is written while it is
    // encoded: a client learns the continue token (and asks for the next page) while the rows are
    // still being printed, instead of after the whole page. (Not when a fault cuts the body.)
    constexpr size_t kStreamFrom = 100;
    constexpr qsizetype kChunkBytes = 256 * 1024;
    if (selected.size() < kStreamFrom || m_truncateCount > 0 || !r.connection) {
        QByteArray out = head;
        for (size_t i = 0; i < selected.size(); ++i) {
            if (i > 0)
                out += ',';
            appendItem(out, *selected[i]);
        }
        sendBytes(r, 200, "application/json", out + tail);
        return;
    }
    r.status = 200;
    r.connection->beginStream(200, {{"Content-Type", "application/json"},
                                    {"Cache-Control", "no-cache, private"},
                                    {"Audit-Id", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)}});
    r.connection->writeChunk(head);
    QByteArray chunk;
    for (size_t i = 0; i < selected.size(); ++i) {
        if (i > 0)
            chunk += ',';
        appendItem(chunk, *selected[i]);
        if (chunk.size() >= kChunkBytes) {
            r.connection->writeChunk(chunk);
            chunk.clear();
        }
    }
    r.connection->writeChunk(chunk + tail);
    r.connection->endStream();
    Q_EMIT requestHandled(QString::fromLatin1(r.http.method), r.http.path, 200);
}

void SandboxServer::handleWatch(Request &r, const ResourcePath &p)
{
    const ResourceType &type = *p.type;
    auto labels = LabelSelector::parse(r.http.queryValue("labelSelector"));
    if (!labels) {
        sendStatus(r, ApiStatus::badRequest(labels.error().message));
        return;
    }
    auto fields = FieldSelector::parse(r.http.queryValue("fieldSelector"), type.kind);
    if (!fields) {
        sendStatus(r, ApiStatus::badRequest(fields.error().message));
        return;
    }
    auto *w = new WatchSession;
    w->connection = r.connection;
    w->type = type;
    w->gvr = storageGvr(type);
    w->namespaceName = type.namespaced ? p.namespaceName : QString();
    w->labels = *labels;
    w->fields = *fields;
    w->table = wantsTable(r.http);
    w->include = TablePrinter::parseIncludeObject(r.http.queryValue("includeObject"));
    r.status = 200;
    r.connection->beginStream(200, {{"Content-Type", "application/json"},
                                    {"Cache-Control", "no-cache, private"}});
    Q_EMIT requestHandled(QString::fromLatin1(r.http.method), r.http.path, 200);

    auto encode = [this, w](const QString &eventType, const QJsonObject &object) {
        QJsonObject payload = object;
        if (w->table) {
            if (object.value(QLatin1String("kind")).toString() == QLatin1String("Status")) {
                payload = object;
            } else {
                const QJsonArray rows{TablePrinter::row(w->type, object, w->include, QDateTime::currentDateTimeUtc())};
                payload = TablePrinter::table(w->type, rows,
                                              QJsonObject{{QStringLiteral("resourceVersion"),
                                                           metaString(object, QLatin1String("resourceVersion"))}});
                if (!w->firstTable)
                    payload.insert(QStringLiteral("columnDefinitions"), QJsonValue::Null);
                w->firstTable = false;
            }
        }
        return QByteArray(compact(QJsonObject{{QStringLiteral("type"), eventType}, {QStringLiteral("object"), payload}}) + '\n');
    };
    auto matches = [w](const QJsonObject &o) {
        if (o.isEmpty())
            return false;
        if (!w->namespaceName.isEmpty() && metaString(o, kNamespace) != w->namespaceName)
            return false;
        return w->labels.matches(metaOf(o).value(QLatin1String("labels")).toObject()) && w->fields.matches(o);
    };
    auto deliver = [this, w, encode, matches](const WatchEvent &e) {
        if (!w->connection)
            return;
        const QJsonObject object = presentObject(w->type, e.object);
        const bool now = matches(e.object);
        const bool before = matches(e.previous);
        QString type;
        switch (e.type) {
        case WatchEvent::Type::Added:
            if (now)
                type = QStringLiteral("ADDED");
            break;
        case WatchEvent::Type::Modified:
            // An object entering or leaving the selection is ADDED or DELETED for this watch.
            if (now && before)
                type = QStringLiteral("MODIFIED");
            else if (now)
                type = QStringLiteral("ADDED");
            else if (before)
                type = QStringLiteral("DELETED");
            break;
        case WatchEvent::Type::Deleted:
            if (before || now)
                type = QStringLiteral("DELETED");
            break;
        }
        if (!type.isEmpty())
            w->connection->writeChunk(encode(type, object));
    };

    const QString rvText = r.http.queryValue("resourceVersion");
    if (rvText.isEmpty() || rvText == QLatin1String("0")) {
        const auto &objects = m_store.objects(w->gvr);
        const QString prefix = w->namespaceName.isEmpty() ? QString() : w->namespaceName + QLatin1Char('/');
        for (auto it = prefix.isEmpty() ? objects.begin() : objects.lower_bound(prefix); it != objects.end(); ++it) {
            if (!prefix.isEmpty() && !it->first.startsWith(prefix))
                break;
            if (!w->connection)
                break;
            if (matches(it->second))
                w->connection->writeChunk(encode(QStringLiteral("ADDED"), presentObject(w->type, it->second)));
        }
    } else {
        bool ok = false;
        const qint64 rv = rvText.toLongLong(&ok);
        if (!ok) {
            if (w->connection)
                w->connection->writeChunk(encode(QStringLiteral("ERROR"),
                                                 ApiStatus::badRequest(QStringLiteral("invalid resource version: %1").arg(rvText))));
            if (w->connection)
                w->connection->endStream();
            delete w;
            return;
        }
        const auto events = m_store.eventsSince(w->gvr, rv);
        if (!events) {
            // The requested resourceVersion left the event window: 410 Expired as an ERROR event.
            if (w->connection)
                w->connection->writeChunk(encode(QStringLiteral("ERROR"), ApiStatus::expired(events.error().message)));
            if (w->connection)
                w->connection->endStream();
            delete w;
            return;
        }
        for (const WatchEvent &e : *events)
            deliver(e);
    }
    if (!w->connection) {
        delete w;
        return;
    }
    w->watcherId = m_store.addWatcher(w->gvr, deliver);
    m_watches.insert(r.connection, w);

    QPointer<HttpConnection> connection = r.connection;
    auto finish = [this, connection] {
        if (!connection)
            return;
        if (WatchSession *s = m_watches.take(connection))
            retireWatch(s);
        connection->endStream();
    };
    bool timeoutOk = false;
    int timeoutSeconds = r.http.queryValue("timeoutSeconds").toInt(&timeoutOk);
    if (!timeoutOk || timeoutSeconds <= 0)
        timeoutSeconds = 1800 + QRandomGenerator::global()->bounded(1800);
    w->timeout = new QTimer(this);
    w->timeout->setSingleShot(true);
    connect(w->timeout, &QTimer::timeout, this, finish);
    w->timeout->start(timeoutSeconds * 1000);
    if (isTrue(r.http.queryValue("allowWatchBookmarks"))) {
        w->bookmark = new QTimer(this);
        connect(w->bookmark, &QTimer::timeout, this, [this, w, encode] {
            if (!w->connection)
                return;
            QJsonObject marker{{QStringLiteral("kind"), w->type.kind},
                               {QStringLiteral("apiVersion"), w->type.groupVersion()},
                               {QStringLiteral("metadata"),
                                QJsonObject{{QStringLiteral("resourceVersion"), QString::number(m_store.resourceVersion())},
                                            {QStringLiteral("creationTimestamp"), QJsonValue::Null}}}};
            w->connection->writeChunk(encode(QStringLiteral("BOOKMARK"), marker));
        });
        w->bookmark->start(m_options.bookmarkMilliseconds);
    }
}

void SandboxServer::retireWatch(WatchSession *w)
{
    // Deferred: this may run inside the watcher's own callback (a write noticed the closed peer).
    w->connection.clear();
    if (w->timeout)
        w->timeout->stop();
    if (w->bookmark)
        w->bookmark->stop();
    QTimer::singleShot(0, this, [this, w] {
        m_store.removeWatcher(w->watcherId);
        delete w->timeout;
        delete w->bookmark;
        delete w;
    });
}

void SandboxServer::dropWatches()
{
    const auto sessions = m_watches;
    for (auto it = sessions.begin(); it != sessions.end(); ++it) {
        if (it.value()->connection)
            it.value()->connection->abort();
    }
}

// ---------------------------------------------------------------------------------------------
// Writes

Result<QJsonObject> SandboxServer::createObject(const QJsonObject &object)
{
    const Gvk gvk = Gvk::fromApiVersion(object.value(QLatin1String("apiVersion")).toString(),
                                        object.value(QLatin1String("kind")).toString());
    const ResourceType *type = nullptr;
    for (const ResourceType &t : m_types) {
        if (t.gvk() == gvk) {
            type = &t;
            break;
        }
    }
    if (!type)
        return fail(statusError(404, QStringLiteral("NotFound"),
                                QStringLiteral("no resource serves %1 %2").arg(gvk.groupVersion(), gvk.kind)));
    QString ns = metaString(object, kNamespace);
    if (type->namespaced && ns.isEmpty())
        ns = QStringLiteral("default");
    auto created = createInternal(*type, type->namespaced ? ns : QString(), object, QStringLiteral("sandbox"), false);
    if (!created) {
        const QJsonObject status = created.error();
        return fail(statusError(status.value(QLatin1String("code")).toInt(), status.value(QLatin1String("reason")).toString(),
                                status.value(QLatin1String("message")).toString()));
    }
    return *created;
}

StatusOr SandboxServer::createInternal(const ResourceType &typeRef, const QString &namespaceName,
                                                  QJsonObject object, const QString &fieldManager, bool dryRun)
{
    // A copy: creating an object may register types (a CRD, its APIService), which can move the
    // entry typeRef points into.
    const ResourceType type = typeRef;
    const QString apiVersion = object.value(QLatin1String("apiVersion")).toString();
    const QString kind = object.value(QLatin1String("kind")).toString();
    if (!apiVersion.isEmpty() && apiVersion != type.groupVersion())
        return std::unexpected(ApiStatus::failure(400, QStringLiteral("BadRequest"),
                                QStringLiteral("the API version in the data (%1) does not match the expected API version (%2)")
                                    .arg(apiVersion, type.groupVersion())));
    if (!kind.isEmpty() && kind != type.kind)
        return std::unexpected(ApiStatus::failure(400, QStringLiteral("BadRequest"),
                                QStringLiteral("the kind in the data (%1) does not match the expected kind (%2)").arg(kind, type.kind)));
    object = toStorageVersion(type, presentObject(type, object));
    QJsonObject meta = metaOf(object);
    const QString bodyNamespace = meta.value(kNamespace).toString();
    if (type.namespaced) {
        if (!bodyNamespace.isEmpty() && bodyNamespace != namespaceName)
            return std::unexpected(ApiStatus::badRequest(
                QStringLiteral("the namespace of the provided object does not match the namespace sent on the request")));
        meta.insert(kNamespace, namespaceName);
    } else {
        meta.remove(kNamespace);
    }
    QString name = meta.value(kName).toString();
    if (name.isEmpty() && !meta.value(QLatin1String("generateName")).toString().isEmpty())
        name = meta.value(QLatin1String("generateName")).toString() + randomSuffix(5);
    auto invalidName = [&](const QString &why) {
        return std::unexpected(ApiStatus::invalid(type.kind, type.group, name, QStringLiteral("metadata.name"), why));
    };
    if (name.isEmpty())
        return invalidName(QStringLiteral("Required value: name or generateName is required"));
    const bool labelName = type.plural == QLatin1String("namespaces");
    if (type.group == QLatin1String("rbac.authorization.k8s.io") || type.group == QLatin1String("apiregistration.k8s.io")) {
        // RBAC objects and APIServices only need a valid path segment (ValidatePathSegmentName),
        // so the bootstrap names such as "system:basic-user" and the core group's "v1." are valid.
        QString why;
        if (name == QLatin1String(".") || name == QLatin1String(".."))
            why = QStringLiteral("may not be '%1'").arg(name);
        else if (name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('%')))
            why = QStringLiteral("may not contain '%1'").arg(name.contains(QLatin1Char('/')) ? QLatin1Char('/') : QLatin1Char('%'));
        if (!why.isEmpty())
            return invalidName(QStringLiteral("Invalid value: \"%1\": %2").arg(name, why));
    } else if (labelName ? !isDnsLabel(name) : !isDnsSubdomain(name)) {
        return invalidName(
            QStringLiteral("Invalid value: \"%1\": a lowercase RFC 1123 %2 must consist of lower case alphanumeric "
                           "characters, '-' or '.', and must start and end with an alphanumeric character")
                .arg(name, labelName ? QStringLiteral("label") : QStringLiteral("subdomain")));
    }
    meta.insert(kName, name);
    if (type.namespaced) {
        const QJsonObject *ns = m_store.get(Gvr{QString(), QStringLiteral("v1"), QStringLiteral("namespaces")}, QString(), namespaceName);
        if (!ns)
            return std::unexpected(ApiStatus::notFound(QStringLiteral("namespaces"), namespaceName));
        if (metaOf(*ns).contains(QLatin1String("deletionTimestamp")))
            return std::unexpected(ApiStatus::failure(403, QStringLiteral("Forbidden"),
                                    QStringLiteral("%1 \"%2\" is forbidden: unable to create new content in namespace %3 because it is being terminated")
                                        .arg(type.plural, name, namespaceName)));
    }
    if (type.plural == QLatin1String("customresourcedefinitions") && type.group == QLatin1String("apiextensions.k8s.io")) {
        const QJsonObject spec = object.value(kSpec).toObject();
        const QString expected = spec.value(QLatin1String("names")).toObject().value(QLatin1String("plural")).toString()
                                 + QLatin1Char('.') + spec.value(QLatin1String("group")).toString();
        if (name != expected) {
            return std::unexpected(ApiStatus::invalid(type.kind, type.group, name, QStringLiteral("metadata.name"),
                                                      QStringLiteral("Invalid value: \"%1\": must be spec.names.plural+\".\"+spec.group").arg(name)));
        }
    }
    if (type.plural == QLatin1String("apiservices") && type.group == QLatin1String("apiregistration.k8s.io")) {
        // kube-aggregator's ValidateAPIService: the name *must* be version.group.
        const QJsonObject spec = object.value(kSpec).toObject();
        const QString required = spec.value(QLatin1String("version")).toString() + QLatin1Char('.')
                                 + spec.value(QLatin1String("group")).toString();
        if (name != required)
            return invalidName(QStringLiteral("Invalid value: \"%1\": must be `spec.version+\".\"+spec.group`: \"%2\"").arg(name, required));
    }
    if (m_store.get(storageGvr(type), type.namespaced ? namespaceName : QString(), name)) {
        return std::unexpected(ApiStatus::alreadyExists(type.plural, type.group, name));
    }
    meta.insert(QStringLiteral("uid"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    meta.insert(QStringLiteral("creationTimestamp"), nowTimestamp());
    meta.remove(QStringLiteral("resourceVersion"));
    meta.remove(QStringLiteral("deletionTimestamp"));
    if (object.contains(kSpec) || type.isCustom)
        meta.insert(QStringLiteral("generation"), 1);
    object.insert(kMetadata, meta);
    applyDefaults(type, object);
    if (auto invalid = validateWorkload(type, object))
        return std::unexpected(*invalid);
    if (auto invalid = validatePolicy(type, object, nullptr))
        return std::unexpected(*invalid);
    if (auto denied = admit(type, namespaceName, object))
        return std::unexpected(*denied);
    if (!fieldManager.isEmpty() && !metaOf(object).contains(QLatin1String("managedFields"))) {
        const auto lookup = m_openApi->patchMetaLookup(type.gvk());
        const NoPatchMeta none;
        ApplyOptions options;
        options.fieldManager = fieldManager;
        options.apiVersion = type.groupVersion();
        QJsonObject empty;
        auto recorded = recordUpdate(empty, object, lookup ? *lookup : static_cast<const PatchMetaLookup &>(none), options);
        if (recorded)
            object = *recorded;
    }
    if (dryRun) {
        setMeta(object, QStringLiteral("resourceVersion"), QString::number(m_store.resourceVersion()));
        return presentObject(type, object);
    }
    const QJsonObject stored = m_store.put(storageGvr(type), object);
    afterWrite(type, stored, false);
    return presentObject(type, stored);
}

StatusOr SandboxServer::updateInternal(const ResourceType &typeRef, const QString &namespaceName,
                                                  const QString &name, QJsonObject object,
                                                  const QString &subresource, bool dryRun,
                                                  const QString &fieldManager)
{
    const ResourceType type = typeRef; // a copy, as in createInternal: updates may register types
    const QString ns = type.namespaced ? namespaceName : QString();
    const QJsonObject *current = m_store.get(storageGvr(type), ns, name);
    if (!current)
        return std::unexpected(ApiStatus::notFound(type.plural, name, type.group));
    const QString bodyName = metaString(object, kName);
    if (!bodyName.isEmpty() && bodyName != name)
        return std::unexpected(ApiStatus::badRequest(
            QStringLiteral("the name of the object (%1) does not match the name on the URL (%2)").arg(bodyName, name)));
    const QString bodyRv = metaString(object, QLatin1String("resourceVersion"));
    const QString currentRv = metaString(*current, QLatin1String("resourceVersion"));
    if (!bodyRv.isEmpty() && bodyRv != currentRv) {
        return std::unexpected(ApiStatus::conflict(type.plural, name, type.group));
    }
    QJsonObject updated;
    // The body is in the request's version; updated is in the stored one.
    if (subresource == QLatin1String("status")) {
        updated = *current;
        updated.insert(kStatus, toStorageVersion(type, presentObject(type, object)).value(kStatus));
    } else {
        updated = toStorageVersion(type, presentObject(type, object));
        if (type.hasStatus && current->contains(kStatus))
            updated.insert(kStatus, current->value(kStatus));
        else if (type.hasStatus)
            updated.remove(kStatus);
        QJsonObject meta = metaOf(updated);
        const QJsonObject oldMeta = metaOf(*current);
        for (const char *field : {"uid", "creationTimestamp", "deletionTimestamp", "namespace", "name"}) {
            const QString f = QLatin1String(field);
            if (oldMeta.contains(f))
                meta.insert(f, oldMeta.value(f));
            else
                meta.remove(f);
        }
        if (!meta.contains(QLatin1String("managedFields")) && oldMeta.contains(QLatin1String("managedFields")))
            meta.insert(QStringLiteral("managedFields"), oldMeta.value(QLatin1String("managedFields")));
        if (oldMeta.contains(QLatin1String("generation"))) {
            const int generation = oldMeta.value(QLatin1String("generation")).toInt();
            const bool specChanged = updated.value(kSpec) != current->value(kSpec);
            meta.insert(QStringLiteral("generation"), specChanged ? generation + 1 : generation);
        }
        updated.insert(kMetadata, meta);
    }
    if (!fieldManager.isEmpty()) {
        const auto lookup = m_openApi->patchMetaLookup(type.gvk());
        const NoPatchMeta none;
        ApplyOptions options;
        options.fieldManager = fieldManager;
        options.apiVersion = type.groupVersion();
        options.subresource = subresource;
        auto recorded = recordUpdate(toStorageVersion(type, presentObject(type, *current)), updated,
                                     lookup ? *lookup : static_cast<const PatchMetaLookup &>(none), options);
        if (recorded)
            updated = *recorded;
    }
    if (withoutVolatile(updated) == withoutVolatile(*current))
        return presentObject(type, *current); // a no-op update keeps the resourceVersion
    if (subresource.isEmpty()) {
        if (auto invalid = validateWorkload(type, updated))
            return std::unexpected(*invalid);
        if (auto invalid = validatePolicy(type, updated, current))
            return std::unexpected(*invalid);
    }
    if (dryRun)
        return presentObject(type, updated);
    const QJsonObject stored = m_store.put(storageGvr(type), updated);
    afterWrite(type, stored, false);
    return presentObject(type, stored);
}

StatusOr SandboxServer::deleteInternal(const ResourceType &type, const QString &namespaceName,
                                                  const QString &name, bool dryRun)
{
    const QString ns = type.namespaced ? namespaceName : QString();
    const Gvr gvr = storageGvr(type);
    const QJsonObject *current = m_store.get(gvr, ns, name);
    if (!current)
        return std::unexpected(ApiStatus::notFound(type.plural, name, type.group));
    QJsonObject last = presentObject(type, *current);
    if (dryRun)
        return last;
    if (type.group.isEmpty() && type.plural == QLatin1String("namespaces")) {
        // Namespace deletion: mark Terminating, then remove everything in it, then the namespace.
        setMeta(last, QStringLiteral("deletionTimestamp"), nowTimestamp());
        QJsonObject status = last.value(kStatus).toObject();
        status.insert(QStringLiteral("phase"), QStringLiteral("Terminating"));
        last.insert(kStatus, status);
        last = m_store.put(gvr, last);
        const QList<ResourceType> types = m_types;
        const QString prefix = name + QLatin1Char('/');
        for (const ResourceType &t : types) {
            if (!t.namespaced || t.group == QLatin1String("authorization.k8s.io"))
                continue;
            const Gvr g = storageGvr(t);
            QStringList names;
            const auto &objects = m_store.objects(g);
            for (auto it = objects.lower_bound(prefix); it != objects.end() && it->first.startsWith(prefix); ++it)
                names << it->first.mid(prefix.size());
            for (const QString &n : names)
                m_store.remove(g, name, n);
        }
        m_store.remove(gvr, QString(), name);
        return presentObject(type, last);
    }
    const QString uid = metaString(*current, QLatin1String("uid"));
    m_store.remove(gvr, ns, name);
    afterWrite(type, last, true);
    // Garbage collection of dependents (ownerReferences), for the kinds controllers create.
    if (!ns.isEmpty()) {
        static const QList<Gvr> dependents{{QString(), QStringLiteral("v1"), QStringLiteral("pods")},
                                           {QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("replicasets")},
                                           {QStringLiteral("batch"), QStringLiteral("v1"), QStringLiteral("jobs")},
                                           {QString(), QStringLiteral("v1"), QStringLiteral("persistentvolumeclaims")}};
        const QString prefix = ns + QLatin1Char('/');
        for (const Gvr &g : dependents) {
            QStringList owned;
            const auto &objects = m_store.objects(g);
            for (auto it = objects.lower_bound(prefix); it != objects.end() && it->first.startsWith(prefix); ++it) {
                for (const QJsonValue &ref : metaOf(it->second).value(QLatin1String("ownerReferences")).toArray()) {
                    if (ref.toObject().value(QLatin1String("uid")).toString() == uid)
                        owned << it->first.mid(prefix.size());
                }
            }
            const ResourceType *dt = findType(g.group, g.version, g.resource);
            for (const QString &n : owned) {
                if (dt)
                    (void)deleteInternal(*dt, ns, n, false);
            }
        }
    }
    return last;
}

void SandboxServer::handleCreate(Request &r, const ResourcePath &p)
{
    auto body = parseBody(r);
    if (!body) {
        sendError(r, body.error());
        return;
    }
    const bool dryRun = r.http.queryValue("dryRun") == QLatin1String("All");
    auto created = createInternal(*p.type, p.namespaceName, *body, fieldManagerOf(r.http), dryRun);
    if (!created) {
        sendStatus(r, created.error());
        return;
    }
    sendJson(r, 201, *created);
}

void SandboxServer::handleUpdate(Request &r, const ResourcePath &p)
{
    auto body = parseBody(r);
    if (!body) {
        sendError(r, body.error());
        return;
    }
    const bool dryRun = r.http.queryValue("dryRun") == QLatin1String("All");
    auto updated = updateInternal(*p.type, p.namespaceName, p.name, *body, p.subresource, dryRun, fieldManagerOf(r.http));
    if (!updated) {
        sendStatus(r, updated.error());
        return;
    }
    sendJson(r, 200, *updated);
}

void SandboxServer::handleDelete(Request &r, const ResourcePath &p)
{
    bool dryRun = r.http.queryValue("dryRun") == QLatin1String("All");
    if (!r.http.body.trimmed().isEmpty()) {
        const QJsonObject options = QJsonDocument::fromJson(r.http.body).object();
        for (const QJsonValue &v : options.value(QLatin1String("dryRun")).toArray())
            dryRun = dryRun || v.toString() == QLatin1String("All");
        const QJsonObject pre = options.value(QLatin1String("preconditions")).toObject();
        if (!pre.isEmpty()) {
            const QJsonObject *current = m_store.get(storageGvr(*p.type), p.type->namespaced ? p.namespaceName : QString(), p.name);
            if (current && ((pre.contains(QLatin1String("uid")) && pre.value(QLatin1String("uid")) != metaOf(*current).value(QLatin1String("uid")))
                            || (pre.contains(QLatin1String("resourceVersion"))
                                && pre.value(QLatin1String("resourceVersion")) != metaOf(*current).value(QLatin1String("resourceVersion"))))) {
                sendStatus(r, ApiStatus::conflict(p.type->plural, p.name, p.type->group));
                return;
            }
        }
    }
    auto deleted = deleteInternal(*p.type, p.namespaceName, p.name, dryRun);
    if (!deleted) {
        sendStatus(r, deleted.error());
        return;
    }
    sendJson(r, 200, *deleted);
}

void SandboxServer::handleDeleteCollection(Request &r, const ResourcePath &p)
{
    const ResourceType type = *p.type;
    auto labels = LabelSelector::parse(r.http.queryValue("labelSelector"));
    auto fields = FieldSelector::parse(r.http.queryValue("fieldSelector"), type.kind);
    if (!labels || !fields) {
        sendStatus(r, ApiStatus::badRequest(!labels ? labels.error().message : fields.error().message));
        return;
    }
    const bool dryRun = r.http.queryValue("dryRun") == QLatin1String("All");
    const auto &objects = m_store.objects(storageGvr(type));
    const QString prefix = type.namespaced && !p.namespaceName.isEmpty() ? p.namespaceName + QLatin1Char('/') : QString();
    QList<QPair<QString, QString>> targets;
    for (auto it = prefix.isEmpty() ? objects.begin() : objects.lower_bound(prefix); it != objects.end(); ++it) {
        if (!prefix.isEmpty() && !it->first.startsWith(prefix))
            break;
        if (labels->matches(metaOf(it->second).value(QLatin1String("labels")).toObject()) && fields->matches(it->second))
            targets.append({metaString(it->second, kNamespace), metaString(it->second, kName)});
    }
    QJsonArray items;
    for (const auto &[ns, name] : targets) {
        auto deleted = deleteInternal(type, ns, name, dryRun);
        if (deleted)
            items.append(*deleted);
    }
    sendJson(r, 200, QJsonObject{{QStringLiteral("kind"), type.listKind()},
                                 {QStringLiteral("apiVersion"), type.groupVersion()},
                                 {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("resourceVersion"), QString::number(m_store.resourceVersion())}}},
                                 {QStringLiteral("items"), items}});
}

namespace {

// The Go type name unstructured's accessors print for a JSON value.
QString goTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Double:
        return v.toDouble() == double(qint64(v.toDouble())) ? QStringLiteral("int64") : QStringLiteral("float64");
    case QJsonValue::Bool:
        return QStringLiteral("bool");
    case QJsonValue::Array:
        return QStringLiteral("[]interface {}");
    case QJsonValue::Object:
        return QStringLiteral("map[string]interface {}");
    default:
        return QStringLiteral("<nil>");
    }
}

QString accessorError(const QString &path, const QJsonValue &v, const char *expected)
{
    const QString shown = v.isString() ? v.toString()
                          : v.isNull() ? QStringLiteral("<nil>")
                                       : QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    return QStringLiteral("%1 accessor error: %2 is of the type %3, expected %4")
        .arg(path.startsWith(QLatin1Char('.')) ? path : QLatin1Char('.') + path, shown, goTypeName(v), QLatin1String(expected));
}

// A metav1.LabelSelector in its text form as labels.Selector.String() writes it for a Scale's
// status.selector: requirements sorted by key, `k=v`, `k in (a,b)`, `k notin (a,b)`, `k`, `!k`.
QString selectorString(const QJsonObject &object)
{
    const auto selector = LabelSelector::fromObject(object);
    if (!selector)
        return {};
    QList<LabelSelector::Requirement> requirements = selector->requirements();
    std::stable_sort(requirements.begin(), requirements.end(),
                     [](const auto &a, const auto &b) { return a.key < b.key; });
    QStringList terms;
    for (const LabelSelector::Requirement &r : requirements) {
        QStringList values = r.values;
        values.sort();
        const QString set = QLatin1String(" (") + values.join(QLatin1Char(',')) + QLatin1Char(')');
        switch (r.op) {
        case LabelSelector::Op::Equals:
            terms << r.key + QLatin1Char('=') + values.value(0);
            break;
        case LabelSelector::Op::NotEquals:
            terms << r.key + QLatin1String("!=") + values.value(0);
            break;
        case LabelSelector::Op::In:
            terms << r.key + QLatin1String(" in") + set;
            break;
        case LabelSelector::Op::NotIn:
            terms << r.key + QLatin1String(" notin") + set;
            break;
        case LabelSelector::Op::Exists:
            terms << r.key;
            break;
        case LabelSelector::Op::DoesNotExist:
            terms << QLatin1Char('!') + r.key;
            break;
        }
    }
    return terms.join(QLatin1Char(','));
}

// The integer at `path`, nullopt when there is none, as unstructured.NestedInt64 reads it.
std::expected<std::optional<qint64>, QString> integerAt(const QJsonObject &o, const QString &path)
{
    const QJsonValue v = fieldAt(o, path);
    if (v.isUndefined())
        return std::nullopt;
    if (goTypeName(v) != QLatin1String("int64"))
        return std::unexpected(accessorError(path, v, "int64"));
    return qint64(v.toDouble());
}

// The Scale (autoscaling/v1) a scale subresource shows of `o`, and whether `o` has a value at the
// spec replicas path. Built-in kinds keep their replicas in spec.replicas/status.replicas and the
// selector in spec.selector; a custom resource keeps them where its CRD's subresources.scale
// points, as apiextensions-apiserver's ScaleREST reads them: a missing status value is 0, the
// selector is the string at labelSelectorPath ("" without one), and a value of the wrong type is
// an error (500, unstructured's accessor message).
// https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#scale-subresource
std::expected<std::pair<QJsonObject, bool>, QJsonObject> scaleOf(const ResourceType &type, const QJsonObject &o)
{
    const QJsonObject meta = metaOf(o);
    QJsonObject scaleMeta;
    for (const char *f : {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
        if (meta.contains(QLatin1String(f)))
            scaleMeta.insert(QLatin1String(f), meta.value(QLatin1String(f)));
    }
    qint64 specReplicas = 0;
    qint64 statusReplicas = 0;
    bool specFound = true;
    QString selector;
    if (type.isCustom) {
        const auto spec = integerAt(o, type.specReplicasPath);
        const auto status = integerAt(o, type.statusReplicasPath);
        if (!spec || !status)
            return std::unexpected(ApiStatus::failure(500, QString(), !spec ? spec.error() : status.error()));
        specFound = spec->has_value();
        specReplicas = spec->value_or(0);
        statusReplicas = status->value_or(0);
        if (!type.labelSelectorPath.isEmpty()) {
            const QJsonValue v = fieldAt(o, type.labelSelectorPath);
            if (!v.isUndefined() && !v.isString())
                return std::unexpected(ApiStatus::failure(500, QString(), accessorError(type.labelSelectorPath, v, "string")));
            selector = v.toString();
        }
    } else {
        const QJsonObject spec = o.value(kSpec).toObject();
        specReplicas = spec.value(QLatin1String("replicas")).toInteger();
        statusReplicas = o.value(kStatus).toObject().value(QLatin1String("replicas")).toInteger();
        selector = selectorString(spec.value(QLatin1String("selector")).toObject());
    }
    QJsonObject scale{{QStringLiteral("kind"), QStringLiteral("Scale")},
                      {QStringLiteral("apiVersion"), QStringLiteral("autoscaling/v1")},
                      {QStringLiteral("metadata"), scaleMeta},
                      {QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), specReplicas}}},
                      {QStringLiteral("status"), QJsonObject{{QStringLiteral("replicas"), statusReplicas},
                                                             {QStringLiteral("selector"), selector}}}};
    return std::pair{scale, specFound};
}

} // namespace

void SandboxServer::handleScale(Request &r, const ResourcePath &p)
{
    const ResourceType &type = *p.type;
    const QString ns = type.namespaced ? p.namespaceName : QString();
    const QJsonObject *current = m_store.get(storageGvr(type), ns, p.name);
    if (!current) {
        sendStatus(r, ApiStatus::notFound(type.plural, p.name, type.group));
        return;
    }
    const auto currentScale = scaleOf(type, *current);
    if (!currentScale) {
        sendStatus(r, currentScale.error());
        return;
    }
    const QString specPath = type.isCustom ? type.specReplicasPath : QStringLiteral(".spec.replicas");
    if (r.http.method == "GET") {
        if (!currentScale->second) {
            const QString why = QStringLiteral("the spec replicas field \"%1\" does not exist").arg(specPath);
            sendStatus(r, ApiStatus::failure(500, QStringLiteral("InternalError"), QStringLiteral("Internal error occurred: ") + why,
                                             QJsonObject{{QStringLiteral("causes"), QJsonArray{QJsonObject{{QStringLiteral("message"), why}}}}}));
            return;
        }
        sendJson(r, 200, currentScale->first);
        return;
    }
    // An object without spec replicas shows the patch an impossible value, so that a patch that
    // does not set one can be told apart (as ScaleREST does).
    constexpr qint64 unsetReplicas = -2147483648LL;
    QJsonObject base = currentScale->first;
    if (!currentScale->second)
        base.insert(kSpec, QJsonObject{{QStringLiteral("replicas"), unsetReplicas}});
    Result<QJsonObject> body = QJsonObject{};
    if (r.http.method == "PATCH") {
        // kubectl scale patches the Scale (merge patch); a Scale has no lists, so a strategic
        // merge patch means the same.
        const QByteArray contentType = r.http.header("content-type").split(';').value(0).trimmed().toLower();
        QJsonParseError error;
        const QJsonDocument patch = QJsonDocument::fromJson(r.http.body, &error);
        if (error.error != QJsonParseError::NoError) {
            sendStatus(r, ApiStatus::badRequest(QStringLiteral("the patch is not valid JSON: %1").arg(error.errorString())));
            return;
        }
        Result<QJsonValue> patched = QJsonValue();
        if (contentType == "application/json-patch+json")
            patched = applyJsonPatch(base, patch.array());
        else if (contentType == "application/merge-patch+json" || contentType == "application/strategic-merge-patch+json")
            patched = applyMergePatch(base, patch.object());
        else {
            sendStatus(r, ApiStatus::failure(415, QStringLiteral("UnsupportedMediaType"), QStringLiteral("415: Unsupported Media Type")));
            return;
        }
        if (!patched) {
            sendStatus(r, ApiStatus::failure(422, QStringLiteral("Invalid"), patched.error().message));
            return;
        }
        body = patched->toObject();
    } else if (r.http.method == "PUT") {
        body = parseBody(r);
        if (!body) {
            sendError(r, body.error());
            return;
        }
    } else {
        sendStatus(r, ApiStatus::methodNotAllowed());
        return;
    }
    const QString bodyRv = metaString(*body, QLatin1String("resourceVersion"));
    if (!bodyRv.isEmpty() && bodyRv != metaString(*current, QLatin1String("resourceVersion"))) {
        sendStatus(r, ApiStatus::conflict(type.plural, p.name, type.group));
        return;
    }
    const qint64 replicas = body->value(kSpec).toObject().value(QLatin1String("replicas")).toInteger();
    if (replicas == unsetReplicas) {
        sendStatus(r, ApiStatus::badRequest(QStringLiteral("the spec replicas field \"%1\" cannot be empty").arg(specPath)));
        return;
    }
    if (replicas < 0) {
        sendStatus(r, ApiStatus::invalid(QStringLiteral("Scale"), QStringLiteral("autoscaling"), p.name, QStringLiteral("spec.replicas"),
                                         QStringLiteral("Invalid value: %1: must be greater than or equal to 0").arg(replicas)));
        return;
    }
    const auto updated = withFieldAt(*current, specPath, replicas);
    if (!updated) {
        sendStatus(r, ApiStatus::failure(500, QString(), QStringLiteral("value cannot be set because %1 is not a map").arg(specPath)));
        return;
    }
    QJsonObject object = *updated;
    setMeta(object, QStringLiteral("resourceVersion"), QString());
    auto result = updateInternal(type, p.namespaceName, p.name, object, QString(),
                                 r.http.queryValue("dryRun") == QLatin1String("All"));
    if (!result) {
        sendStatus(r, result.error());
        return;
    }
    const auto scale = scaleOf(type, *result);
    if (!scale) {
        sendStatus(r, ApiStatus::badRequest(scale.error().value(QLatin1String("message")).toString()));
        return;
    }
    sendJson(r, 200, scale->first);
}

void SandboxServer::handleReview(Request &r, const QString &kind)
{
    auto body = parseBody(r);
    if (!body) {
        sendError(r, body.error());
        return;
    }
    QJsonObject result = *body;
    result.insert(QStringLiteral("apiVersion"), QStringLiteral("authorization.k8s.io/v1"));
    result.insert(QStringLiteral("kind"), kind);
    const RbacAuthorizer authorizer(m_store);
    if (kind == QLatin1String("SelfSubjectAccessReview")) {
        const QJsonObject spec = body->value(kSpec).toObject();
        AccessAttributes a;
        a.user = r.identity.user;
        a.groups = r.identity.groups;
        if (spec.contains(QLatin1String("nonResourceAttributes"))) {
            const QJsonObject n = spec.value(QLatin1String("nonResourceAttributes")).toObject();
            a.verb = n.value(QLatin1String("verb")).toString();
            a.nonResourcePath = n.value(QLatin1String("path")).toString();
        } else {
            const QJsonObject ra = spec.value(QLatin1String("resourceAttributes")).toObject();
            a.verb = ra.value(QLatin1String("verb")).toString();
            a.apiGroup = ra.value(QLatin1String("group")).toString();
            a.resource = ra.value(QLatin1String("resource")).toString();
            a.subresource = ra.value(QLatin1String("subresource")).toString();
            a.namespaceName = ra.value(QLatin1String("namespace")).toString();
            a.name = ra.value(QLatin1String("name")).toString();
        }
        const bool allowed = authorizer.allowed(a);
        QJsonObject status{{QStringLiteral("allowed"), allowed}};
        if (allowed && !a.groups.contains(QLatin1String("system:masters")))
            status.insert(QStringLiteral("reason"), QStringLiteral("RBAC: allowed by a binding of user \"%1\"").arg(a.user));
        result.insert(kStatus, status);
    } else {
        const QString ns = body->value(kSpec).toObject().value(QLatin1String("namespace")).toString();
        result.insert(kStatus, QJsonObject{{QStringLiteral("resourceRules"), authorizer.resourceRules(r.identity.user, r.identity.groups, ns)},
                                           {QStringLiteral("nonResourceRules"), authorizer.nonResourceRules(r.identity.user, r.identity.groups)},
                                           {QStringLiteral("incomplete"), false}});
    }
    QJsonObject meta = metaOf(result);
    meta.insert(QStringLiteral("creationTimestamp"), QJsonValue::Null);
    result.insert(kMetadata, meta);
    sendJson(r, 201, result);
}

StatusOr SandboxServer::applyPatch(const ResourceType &type, const QJsonObject &current,
                                              const QByteArray &contentType, const QByteArray &patchBody) const
{
    auto badPatch = [](const QString &why) {
        return std::unexpected(ApiStatus::badRequest(why));
    };
    if (contentType == "application/json-patch+json") {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(patchBody, &error);
        if (error.error != QJsonParseError::NoError || !doc.isArray())
            return badPatch(QStringLiteral("the JSON patch is not a JSON array: %1").arg(error.errorString()));
        auto result = applyJsonPatch(current, doc.array());
        if (!result)
            return std::unexpected(ApiStatus::failure(422, QStringLiteral("Invalid"), result.error().message));
        return result->toObject();
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(patchBody, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        // Valid JSON that is not an object (kubectl sends a YAML scalar such as `-p 'x'` as a
        // JSON string): the apiserver's decoder into a map says what it got.
        const QJsonDocument wrapped = QJsonDocument::fromJson("[" + patchBody + "]");
        if (error.error == QJsonParseError::NoError || (wrapped.isArray() && wrapped.array().size() == 1)) {
            const QJsonValue v = doc.isArray() ? QJsonValue(doc.array()) : wrapped.array().at(0);
            const QString got = v.isString() ? QStringLiteral("string") : v.isDouble() ? QStringLiteral("number")
                              : v.isBool() ? QStringLiteral("bool") : v.isArray() ? QStringLiteral("array") : QString();
            if (!got.isEmpty())
                return badPatch(QStringLiteral("json: cannot unmarshal %1 into Go value of type map[string]interface {}").arg(got));
        }
        return badPatch(QStringLiteral("the patch is not a JSON object: %1").arg(error.errorString()));
    }
    const QJsonObject patch = doc.object();
    if (contentType == "application/merge-patch+json") {
        auto result = applyMergePatch(current, patch);
        if (!result)
            return badPatch(result.error().message);
        return result->toObject();
    }
    // Strategic merge, with the patch metadata of the schema (merge keys, strategies).
    const auto lookup = m_openApi->patchMetaLookup(type.gvk());
    const NoPatchMeta none;
    auto result = applyStrategicMergePatch(current, patch, lookup ? *lookup : static_cast<const PatchMetaLookup &>(none));
    if (!result)
        return badPatch(result.error().message);
    return result->toObject();
}

void SandboxServer::handlePatch(Request &r, const ResourcePath &p)
{
    const ResourceType &type = *p.type;
    const QByteArray contentType = r.http.header("content-type").split(';').value(0).trimmed().toLower();
    const bool apply = contentType == "application/apply-patch+yaml";
    const bool supported = contentType == "application/json-patch+json" || contentType == "application/merge-patch+json"
                           || (contentType == "application/strategic-merge-patch+json" && !type.isCustom) || apply;
    if (!supported) {
        // Built-in resources are routed by go-restful, which refuses a content type no PATCH route
        // consumes with its own terse text; custom resources are served by the apiextensions
        // handler, whose patch handler names the accepted types (strategic merge is not one).
        const QString message = type.isCustom
                                    ? QStringLiteral("the body of the request was in an unknown format - accepted media types include: "
                                                     "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml")
                                    : QStringLiteral("415: Unsupported Media Type");
        sendStatus(r, ApiStatus::failure(415, QStringLiteral("UnsupportedMediaType"), message));
        return;
    }
    const QString fieldManager = apply ? r.http.queryValue("fieldManager") : fieldManagerOf(r.http);
    if (apply && fieldManager.isEmpty()) {
        sendStatus(r, ApiStatus::badRequest(QStringLiteral("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch")));
        return;
    }
    const bool dryRun = r.http.queryValue("dryRun") == QLatin1String("All");
    const QString ns = type.namespaced ? p.namespaceName : QString();
    const QJsonObject *current = m_store.get(storageGvr(type), ns, p.name);
    if (apply) {
        auto applied = parseBody(r);
        if (!applied) {
            sendError(r, applied.error());
            return;
        }
        if (!current && !p.subresource.isEmpty()) {
            sendStatus(r, ApiStatus::notFound(type.plural, p.name, type.group));
            return;
        }
        const auto lookup = m_openApi->patchMetaLookup(type.gvk());
        const NoPatchMeta none;
        ApplyOptions options;
        options.fieldManager = fieldManager;
        options.force = isTrue(r.http.queryValue("force"));
        options.apiVersion = type.groupVersion();
        options.subresource = p.subresource;
        if (p.subresource.isEmpty() && type.hasStatus)
            options.resetFields = {QStringLiteral("status")};
        else if (p.subresource == QLatin1String("status"))
            options.resetFields = {QStringLiteral("spec")};
        const QJsonObject live = current ? presentObject(type, *current) : QJsonObject{};
        auto merged = serverSideApply(live, *applied, lookup ? *lookup : static_cast<const PatchMetaLookup &>(none), options);
        if (!merged) {
            sendError(r, merged.error());
            return;
        }
        QJsonObject object = *merged;
        if (!current) {
            // Server-side apply creates what does not exist yet.
            setMeta(object, QStringLiteral("name"), p.name);
            auto created = createInternal(type, p.namespaceName, object, QString(), dryRun);
            if (!created) {
                sendStatus(r, created.error());
                return;
            }
            sendJson(r, 201, *created);
            return;
        }
        // Applied configurations carry no resourceVersion precondition unless they set one.
        if (!metaOf(*applied).contains(QLatin1String("resourceVersion")))
            setMeta(object, QStringLiteral("resourceVersion"), metaString(*current, QLatin1String("resourceVersion")));
        auto updated = updateInternal(type, p.namespaceName, p.name, object, p.subresource, dryRun);
        if (!updated) {
            sendStatus(r, updated.error());
            return;
        }
        sendJson(r, 200, *updated);
        return;
    }
    if (!current) {
        sendStatus(r, ApiStatus::notFound(type.plural, p.name, type.group));
        return;
    }
    auto patched = applyPatch(type, presentObject(type, *current), contentType, r.http.body);
    if (!patched) {
        sendStatus(r, patched.error());
        return;
    }
    auto updated = updateInternal(type, p.namespaceName, p.name, *patched, p.subresource, dryRun, fieldManagerOf(r.http));
    if (!updated) {
        sendStatus(r, updated.error());
        return;
    }
    sendJson(r, 200, *updated);
}

void SandboxServer::handleOpenApi(Request &r, const QString &path)
{
    if (path == QLatin1String("/openapi/v2")) {
        const OpenApiRegistry::Document doc = m_openApi->swagger();
        const QByteArray etag = doc.etag().toLatin1();
        HttpHeaders headers{{"ETag", etag}, {"Vary", "Accept"}};
        if (r.http.header("if-none-match") == etag) {
            sendBytes(r, 304, "application/json", QByteArray(), headers);
            return;
        }
        sendBytes(r, 200, "application/json", doc.body, headers);
        return;
    }
    if (path == QLatin1String("/openapi/v3")) {
        sendBytes(r, 200, "application/json", m_openApi->index().body);
        return;
    }
    const QString gvPath = path.mid(QStringLiteral("/openapi/v3/").size());
    const auto doc = m_openApi->groupVersion(gvPath);
    if (!doc) {
        sendStatus(r, ApiStatus::notFound(QString(), QString()));
        return;
    }
    const QByteArray etag = doc->etag().toLatin1();
    // Hashed URLs are immutable (KEP-2896); unhashed or stale ones must be revalidated.
    const bool hashed = r.http.queryValue("hash") == doc->hash;
    HttpHeaders headers{{"ETag", etag},
                        {"Cache-Control", hashed ? QByteArray("public, immutable, max-age=31536000") : QByteArray("no-cache, private")}};
    if (r.http.header("if-none-match") == etag) {
        sendBytes(r, 304, "application/json", QByteArray(), headers);
        return;
    }
    sendBytes(r, 200, "application/json", doc->body, headers);
}

// ---------------------------------------------------------------------------------------------
// Defaults, controllers and life

namespace {

const Gvr crdsGvr{QStringLiteral("apiextensions.k8s.io"), QStringLiteral("v1"), QStringLiteral("customresourcedefinitions")};

} // namespace

void SandboxServer::updateSystem(const Gvr &gvr, QJsonObject object)
{
    m_store.put(gvr, std::move(object));
}

void SandboxServer::applyDefaults(const ResourceType &type, QJsonObject &o)
{
    if (type.isCustom)
        return;
    const QString now = nowTimestamp();
    QJsonObject spec = o.value(kSpec).toObject();
    QJsonObject status = o.value(kStatus).toObject();
    const QString &r = type.plural;
    if (type.group.isEmpty() && r == QLatin1String("pods")) {
        if (!spec.contains(QLatin1String("restartPolicy")))
            spec.insert(QStringLiteral("restartPolicy"), QStringLiteral("Always"));
        if (!spec.contains(QLatin1String("dnsPolicy")))
            spec.insert(QStringLiteral("dnsPolicy"), QStringLiteral("ClusterFirst"));
        if (!spec.contains(QLatin1String("schedulerName")))
            spec.insert(QStringLiteral("schedulerName"), QStringLiteral("default-scheduler"));
        if (!spec.contains(QLatin1String("serviceAccountName")))
            spec.insert(QStringLiteral("serviceAccountName"), QStringLiteral("default"));
        if (!spec.contains(QLatin1String("terminationGracePeriodSeconds")))
            spec.insert(QStringLiteral("terminationGracePeriodSeconds"), 30);
        QJsonArray containers;
        for (const QJsonValue &cv : spec.value(QLatin1String("containers")).toArray()) {
            QJsonObject c = cv.toObject();
            if (!c.contains(QLatin1String("imagePullPolicy")))
                c.insert(QStringLiteral("imagePullPolicy"), c.value(QLatin1String("image")).toString().endsWith(QLatin1String(":latest"))
                                                                    || !c.value(QLatin1String("image")).toString().contains(QLatin1Char(':'))
                                                                ? QStringLiteral("Always")
                                                                : QStringLiteral("IfNotPresent"));
            if (!c.contains(QLatin1String("terminationMessagePath")))
                c.insert(QStringLiteral("terminationMessagePath"), QStringLiteral("/dev/termination-log"));
            if (!c.contains(QLatin1String("terminationMessagePolicy")))
                c.insert(QStringLiteral("terminationMessagePolicy"), QStringLiteral("File"));
            if (!c.contains(QLatin1String("resources")))
                c.insert(QStringLiteral("resources"), QJsonObject{});
            containers.append(c);
        }
        spec.insert(QStringLiteral("containers"), containers);
        if (!status.contains(QLatin1String("phase"))) {
            status = QJsonObject{{QStringLiteral("phase"), QStringLiteral("Pending")},
                                 {QStringLiteral("qosClass"), QStringLiteral("BestEffort")}};
        }
    } else if (type.group.isEmpty() && r == QLatin1String("namespaces")) {
        if (!spec.contains(QLatin1String("finalizers")))
            spec.insert(QStringLiteral("finalizers"), QJsonArray{QStringLiteral("kubernetes")});
        status.insert(QStringLiteral("phase"), QStringLiteral("Active"));
        QJsonObject meta = metaOf(o);
        QJsonObject labels = meta.value(QLatin1String("labels")).toObject();
        labels.insert(QStringLiteral("kubernetes.io/metadata.name"), meta.value(kName));
        meta.insert(QStringLiteral("labels"), labels);
        o.insert(kMetadata, meta);
    } else if (type.group.isEmpty() && r == QLatin1String("services")) {
        if (!spec.contains(QLatin1String("type")))
            spec.insert(QStringLiteral("type"), QStringLiteral("ClusterIP"));
        if (!spec.contains(QLatin1String("clusterIP"))) {
            const int n = m_nextServiceIp++;
            const QString ip = QStringLiteral("10.96.%1.%2").arg(n / 250).arg(n % 250 + 1);
            spec.insert(QStringLiteral("clusterIP"), ip);
            spec.insert(QStringLiteral("clusterIPs"), QJsonArray{ip});
        }
        QJsonArray ports;
        for (const QJsonValue &pv : spec.value(QLatin1String("ports")).toArray()) {
            QJsonObject port = pv.toObject();
            if (!port.contains(QLatin1String("protocol")))
                port.insert(QStringLiteral("protocol"), QStringLiteral("TCP"));
            if (!port.contains(QLatin1String("targetPort")))
                port.insert(QStringLiteral("targetPort"), port.value(QLatin1String("port")));
            ports.append(port);
        }
        if (!ports.isEmpty())
            spec.insert(QStringLiteral("ports"), ports);
        if (!o.contains(kStatus))
            status.insert(QStringLiteral("loadBalancer"), QJsonObject{});
    } else if (type.group.isEmpty() && r == QLatin1String("secrets")) {
        if (o.value(QLatin1String("type")).toString().isEmpty())
            o.insert(QStringLiteral("type"), QStringLiteral("Opaque"));
        // stringData is write-only: merged into data, as the apiserver does.
        const QJsonObject stringData = o.value(QLatin1String("stringData")).toObject();
        if (!stringData.isEmpty()) {
            QJsonObject data = o.value(QLatin1String("data")).toObject();
            for (auto it = stringData.begin(); it != stringData.end(); ++it)
                data.insert(it.key(), QString::fromLatin1(it.value().toString().toUtf8().toBase64()));
            o.insert(QStringLiteral("data"), data);
        }
        o.remove(QStringLiteral("stringData"));
    } else if (type.group == QLatin1String("apps")) {
        if (!spec.contains(QLatin1String("replicas")) && r != QLatin1String("daemonsets"))
            spec.insert(QStringLiteral("replicas"), 1);
        if (r == QLatin1String("deployments")) {
            if (!spec.contains(QLatin1String("strategy")))
                spec.insert(QStringLiteral("strategy"),
                            QJsonObject{{QStringLiteral("type"), QStringLiteral("RollingUpdate")},
                                        {QStringLiteral("rollingUpdate"), QJsonObject{{QStringLiteral("maxSurge"), QStringLiteral("25%")},
                                                                                     {QStringLiteral("maxUnavailable"), QStringLiteral("25%")}}}});
            if (!spec.contains(QLatin1String("revisionHistoryLimit")))
                spec.insert(QStringLiteral("revisionHistoryLimit"), 10);
            if (!spec.contains(QLatin1String("progressDeadlineSeconds")))
                spec.insert(QStringLiteral("progressDeadlineSeconds"), 600);
        } else if (r == QLatin1String("statefulsets")) {
            if (!spec.contains(QLatin1String("podManagementPolicy")))
                spec.insert(QStringLiteral("podManagementPolicy"), QStringLiteral("OrderedReady"));
            QJsonObject strategy = spec.value(QLatin1String("updateStrategy")).toObject();
            if (!strategy.contains(QLatin1String("type")))
                strategy.insert(QStringLiteral("type"), QStringLiteral("RollingUpdate"));
            // kubectl rollout status reads the partition: with it the rollout is "partitioned".
            if (strategy.value(QLatin1String("type")).toString() == QLatin1String("RollingUpdate")) {
                QJsonObject rolling = strategy.value(QLatin1String("rollingUpdate")).toObject();
                if (!rolling.contains(QLatin1String("partition")))
                    rolling.insert(QStringLiteral("partition"), 0);
                strategy.insert(QStringLiteral("rollingUpdate"), rolling);
            }
            spec.insert(QStringLiteral("updateStrategy"), strategy);
            if (!spec.contains(QLatin1String("revisionHistoryLimit")))
                spec.insert(QStringLiteral("revisionHistoryLimit"), 10);
            QJsonObject retention = spec.value(QLatin1String("persistentVolumeClaimRetentionPolicy")).toObject();
            for (const char *field : {"whenDeleted", "whenScaled"}) {
                if (!retention.contains(QLatin1String(field)))
                    retention.insert(QLatin1String(field), QStringLiteral("Retain"));
            }
            spec.insert(QStringLiteral("persistentVolumeClaimRetentionPolicy"), retention);
        } else if (r == QLatin1String("daemonsets")) {
            QJsonObject strategy = spec.value(QLatin1String("updateStrategy")).toObject();
            if (!strategy.contains(QLatin1String("type")))
                strategy.insert(QStringLiteral("type"), QStringLiteral("RollingUpdate"));
            if (strategy.value(QLatin1String("type")).toString() == QLatin1String("RollingUpdate")
                && !strategy.contains(QLatin1String("rollingUpdate")))
                strategy.insert(QStringLiteral("rollingUpdate"), QJsonObject{{QStringLiteral("maxUnavailable"), 1},
                                                                             {QStringLiteral("maxSurge"), 0}});
            spec.insert(QStringLiteral("updateStrategy"), strategy);
            if (!spec.contains(QLatin1String("revisionHistoryLimit")))
                spec.insert(QStringLiteral("revisionHistoryLimit"), 10);
        }
    } else if (type.group == QLatin1String("batch") && r == QLatin1String("jobs")) {
        if (!spec.contains(QLatin1String("completions")))
            spec.insert(QStringLiteral("completions"), 1);
        if (!spec.contains(QLatin1String("parallelism")))
            spec.insert(QStringLiteral("parallelism"), 1);
        if (!spec.contains(QLatin1String("backoffLimit")))
            spec.insert(QStringLiteral("backoffLimit"), 6);
        if (!status.contains(QLatin1String("startTime")))
            status.insert(QStringLiteral("startTime"), now);
    } else if (type.group == QLatin1String("batch") && r == QLatin1String("cronjobs")) {
        if (!spec.contains(QLatin1String("concurrencyPolicy")))
            spec.insert(QStringLiteral("concurrencyPolicy"), QStringLiteral("Allow"));
        if (!spec.contains(QLatin1String("suspend")))
            spec.insert(QStringLiteral("suspend"), false);
        if (!spec.contains(QLatin1String("successfulJobsHistoryLimit")))
            spec.insert(QStringLiteral("successfulJobsHistoryLimit"), 3);
        if (!spec.contains(QLatin1String("failedJobsHistoryLimit")))
            spec.insert(QStringLiteral("failedJobsHistoryLimit"), 1);
    } else if (type.group == QLatin1String("apiregistration.k8s.io")) {
        // SetDefaults_ServiceReference: the port of an aggregated API server's Service is 443.
        QJsonObject service = spec.value(QLatin1String("service")).toObject();
        if (spec.value(QLatin1String("service")).isObject() && !service.contains(QLatin1String("port"))) {
            service.insert(QStringLiteral("port"), 443);
            spec.insert(QStringLiteral("service"), service);
        }
    } else if (type.group == QLatin1String("apiextensions.k8s.io")) {
        const QJsonObject names = spec.value(QLatin1String("names")).toObject();
        QJsonObject accepted = names;
        if (!accepted.contains(QLatin1String("singular")))
            accepted.insert(QStringLiteral("singular"), names.value(QLatin1String("kind")).toString().toLower());
        if (!accepted.contains(QLatin1String("listKind")))
            accepted.insert(QStringLiteral("listKind"), QString(names.value(QLatin1String("kind")).toString() + QStringLiteral("List")));
        QJsonArray storedVersions;
        for (const QJsonValue &v : spec.value(QLatin1String("versions")).toArray()) {
            if (v.toObject().value(QLatin1String("storage")).toBool())
                storedVersions.append(v.toObject().value(kName));
        }
        status = QJsonObject{{QStringLiteral("acceptedNames"), accepted},
                             {QStringLiteral("storedVersions"), storedVersions},
                             {QStringLiteral("conditions"),
                              QJsonArray{condition(QStringLiteral("NamesAccepted"), true, now, QStringLiteral("NoConflicts")),
                                         condition(QStringLiteral("Established"), true, now, QStringLiteral("InitialNamesAccepted"))}}};
    }
    if (!spec.isEmpty() || o.contains(kSpec))
        o.insert(kSpec, spec);
    if (!status.isEmpty() || o.contains(kStatus))
        o.insert(kStatus, status);
    applyPolicyDefaults(type, o);
}

void SandboxServer::afterWrite(const ResourceType &type, const QJsonObject &object, bool deleted)
{
    const QString name = metaString(object, kName);
    const QString &r = type.plural;
    if (type.group == QLatin1String("apiextensions.k8s.io") && r == QLatin1String("customresourcedefinitions")) {
        if (deleted) {
            // Deleting a CRD deletes its objects.
            const QJsonObject spec = object.value(kSpec).toObject();
            const Gvr g{spec.value(QLatin1String("group")).toString(), QStringLiteral("storage"),
                        spec.value(QLatin1String("names")).toObject().value(QLatin1String("plural")).toString()};
            m_store.dropCollection(g);
            m_openApi->removeCustomResourceDefinition(name);
        } else if (auto added = m_openApi->addCustomResourceDefinition(object); !added) {
            qCWarning(lcSandbox) << "CRD schema not served:" << added.error().toString();
        }
        rebuildCustomTypes();
        syncApiServices(false);
        return;
    }
    if (type.group == QLatin1String("apiregistration.k8s.io") && r == QLatin1String("apiservices")) {
        if (!deleted)
            scheduleApiServiceCheck(name);
        else if (metaOf(object).value(QLatin1String("labels")).toObject().value(QLatin1String("kube-aggregator.kubernetes.io/automanaged")).toString()
                 == QLatin1String("true"))
            syncApiServices(false); // a CRD's APIService comes back while the CRD serves the version
        return;
    }
    if (type.group.isEmpty() && (r == QLatin1String("services") || r == QLatin1String("endpoints")))
        scheduleApiServiceChecks(metaString(object, kNamespace), name);
    notifyControllers(type, object, deleted);
}

void SandboxServer::rebuildCustomTypes()
{
    QList<ResourceType> types;
    for (const ResourceType &t : std::as_const(m_types)) {
        if (!t.isCustom)
            types << t;
    }
    for (const auto &[key, crd] : m_store.objects(crdsGvr)) {
        if (metaOf(crd).contains(QLatin1String("deletionTimestamp")))
            continue;
        const QJsonObject spec = crd.value(kSpec).toObject();
        const QJsonObject names = spec.value(QLatin1String("names")).toObject();
        for (const QJsonValue &vv : spec.value(QLatin1String("versions")).toArray()) {
            const QJsonObject v = vv.toObject();
            if (v.contains(QLatin1String("served")) && !v.value(QLatin1String("served")).toBool())
                continue;
            ResourceType t;
            t.group = spec.value(QLatin1String("group")).toString();
            t.version = v.value(kName).toString();
            t.kind = names.value(QLatin1String("kind")).toString();
            t.plural = names.value(QLatin1String("plural")).toString();
            t.singular = names.value(QLatin1String("singular")).toString(t.kind.toLower());
            for (const QJsonValue &s : names.value(QLatin1String("shortNames")).toArray())
                t.shortNames << s.toString();
            for (const QJsonValue &s : names.value(QLatin1String("categories")).toArray())
                t.categories << s.toString();
            t.verbs = standardVerbs();
            t.namespaced = spec.value(QLatin1String("scope")).toString() != QLatin1String("Cluster");
            const QJsonObject subs = v.value(QLatin1String("subresources")).toObject();
            t.hasStatus = subs.contains(QLatin1String("status"));
            t.hasScale = subs.contains(QLatin1String("scale"));
            const QJsonObject scale = subs.value(QLatin1String("scale")).toObject();
            t.specReplicasPath = scale.value(QLatin1String("specReplicasPath")).toString();
            t.statusReplicasPath = scale.value(QLatin1String("statusReplicasPath")).toString();
            t.labelSelectorPath = scale.value(QLatin1String("labelSelectorPath")).toString();
            t.isCustom = true;
            for (const QJsonValue &cv : v.value(QLatin1String("additionalPrinterColumns")).toArray()) {
                const QJsonObject c = cv.toObject();
                t.printerColumns << PrinterColumn{c.value(kName).toString(), c.value(QLatin1String("type")).toString(),
                                                  c.value(QLatin1String("format")).toString(),
                                                  c.value(QLatin1String("description")).toString(),
                                                  c.value(QLatin1String("jsonPath")).toString(),
                                                  c.value(QLatin1String("priority")).toInt()};
            }
            if (t.group.isEmpty() || t.version.isEmpty() || t.plural.isEmpty() || t.kind.isEmpty())
                continue;
            types << t;
        }
    }
    m_types = types;
    m_typeIndex.clear();
    for (qsizetype i = 0; i < m_types.size(); ++i)
        m_typeIndex.insert(m_types.at(i).gvr(), i);
}

void SandboxServer::loadBaseObjects()
{
    auto create = [this](const QJsonObject &o) {
        auto r = createObject(o);
        if (!r)
            qCWarning(lcSandbox) << "base object not created:" << r.error().toString();
    };
    for (const char *ns : {"default", "kube-system", "kube-public", "kube-node-lease"}) {
        create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                           {QStringLiteral("kind"), QStringLiteral("Namespace")},
                           {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QLatin1String(ns)}}}});
    }
    const QString now = nowTimestamp();
    create(QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Node")},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("sandbox-node-1")},
                                                 {QStringLiteral("labels"), QJsonObject{{QStringLiteral("kubernetes.io/hostname"), QStringLiteral("sandbox-node-1")},
                                                                                        {QStringLiteral("kubernetes.io/os"), QStringLiteral("linux")},
                                                                                        {QStringLiteral("kubernetes.io/arch"), QStringLiteral("amd64")},
                                                                                        {QStringLiteral("node-role.kubernetes.io/control-plane"), QString()}}}}},
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("podCIDR"), QStringLiteral("10.244.0.0/16")}}},
        {QStringLiteral("status"), QJsonObject{{QStringLiteral("conditions"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("Ready")},
                                                                                                    {QStringLiteral("status"), QStringLiteral("True")},
                                                                                                    {QStringLiteral("reason"), QStringLiteral("KubeletReady")},
                                                                                                    {QStringLiteral("message"), QStringLiteral("kubelet is posting ready status")},
                                                                                                    {QStringLiteral("lastHeartbeatTime"), now},
                                                                                                    {QStringLiteral("lastTransitionTime"), now}}}},
                                               {QStringLiteral("addresses"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("InternalIP")}, {QStringLiteral("address"), QStringLiteral("172.18.0.2")}},
                                                                                        QJsonObject{{QStringLiteral("type"), QStringLiteral("Hostname")}, {QStringLiteral("address"), QStringLiteral("sandbox-node-1")}}}},
                                               {QStringLiteral("capacity"), QJsonObject{{QStringLiteral("cpu"), QStringLiteral("8")}, {QStringLiteral("memory"), QStringLiteral("16Gi")}, {QStringLiteral("pods"), QStringLiteral("110")}}},
                                               {QStringLiteral("allocatable"), QJsonObject{{QStringLiteral("cpu"), QStringLiteral("8")}, {QStringLiteral("memory"), QStringLiteral("16Gi")}, {QStringLiteral("pods"), QStringLiteral("110")}}},
                                               {QStringLiteral("nodeInfo"), QJsonObject{{QStringLiteral("kubeletVersion"), QStringLiteral("v1.32.0")},
                                                                                        {QStringLiteral("osImage"), QStringLiteral("Sandbox Linux 1.0")},
                                                                                        {QStringLiteral("kernelVersion"), QStringLiteral("6.1.0-sandbox")},
                                                                                        {QStringLiteral("containerRuntimeVersion"), QStringLiteral("containerd://1.7.0")},
                                                                                        {QStringLiteral("operatingSystem"), QStringLiteral("linux")},
                                                                                        {QStringLiteral("architecture"), QStringLiteral("amd64")}}}}}});
    create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("Service")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("kubernetes")},
                                                                {QStringLiteral("namespace"), QStringLiteral("default")},
                                                                {QStringLiteral("labels"), QJsonObject{{QStringLiteral("component"), QStringLiteral("apiserver")},
                                                                                                       {QStringLiteral("provider"), QStringLiteral("kubernetes")}}}}},
                       {QStringLiteral("spec"), QJsonObject{{QStringLiteral("clusterIP"), QStringLiteral("10.96.0.1")},
                                                            {QStringLiteral("ports"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("https")},
                                                                                                             {QStringLiteral("port"), 443},
                                                                                                             {QStringLiteral("targetPort"), m_port ? int(m_port) : 6443}}}}}}});
    // The priority classes every cluster has, and the node's heartbeat lease.
    for (const auto &[name, value, description] :
         {std::tuple{"system-node-critical", 2000001000, "Used for system critical pods that must not be moved from their current node."},
          std::tuple{"system-cluster-critical", 2000000000, "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary."}}) {
        create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("scheduling.k8s.io/v1")},
                           {QStringLiteral("kind"), QStringLiteral("PriorityClass")},
                           {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QLatin1String(name)}}},
                           {QStringLiteral("value"), value},
                           {QStringLiteral("description"), QLatin1String(description)}});
    }
    create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("coordination.k8s.io/v1")},
                       {QStringLiteral("kind"), QStringLiteral("Lease")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("sandbox-node-1")},
                                                                {QStringLiteral("namespace"), QStringLiteral("kube-node-lease")}}},
                       {QStringLiteral("spec"), QJsonObject{{QStringLiteral("holderIdentity"), QStringLiteral("sandbox-node-1")},
                                                            {QStringLiteral("leaseDurationSeconds"), 40},
                                                            {QStringLiteral("renewTime"), QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000Z"))}}}});
    // RBAC roles as a real cluster bootstraps them (abridged), and the sandbox users' bindings.
    auto rule = [](QStringList verbs, QStringList groups, QStringList resources) {
        return QJsonObject{{QStringLiteral("verbs"), QJsonArray::fromStringList(verbs)},
                           {QStringLiteral("apiGroups"), QJsonArray::fromStringList(groups)},
                           {QStringLiteral("resources"), QJsonArray::fromStringList(resources)}};
    };
    const QString rbacV1 = QStringLiteral("rbac.authorization.k8s.io/v1");
    auto clusterRole = [&](const QString &name, const QJsonArray &rules) {
        create(QJsonObject{{QStringLiteral("apiVersion"), rbacV1},
                           {QStringLiteral("kind"), QStringLiteral("ClusterRole")},
                           {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name},
                                                                    {QStringLiteral("labels"), QJsonObject{{QStringLiteral("kubernetes.io/bootstrapping"), QStringLiteral("rbac-defaults")}}}}},
                           {QStringLiteral("rules"), rules}});
    };
    auto binding = [&](const QString &name, const QString &role, const QString &subjectKind, const QString &subject) {
        create(QJsonObject{{QStringLiteral("apiVersion"), rbacV1},
                           {QStringLiteral("kind"), QStringLiteral("ClusterRoleBinding")},
                           {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}},
                           {QStringLiteral("roleRef"), QJsonObject{{QStringLiteral("apiGroup"), QStringLiteral("rbac.authorization.k8s.io")},
                                                                   {QStringLiteral("kind"), QStringLiteral("ClusterRole")},
                                                                   {QStringLiteral("name"), role}}},
                           {QStringLiteral("subjects"), QJsonArray{QJsonObject{{QStringLiteral("apiGroup"), QStringLiteral("rbac.authorization.k8s.io")},
                                                                               {QStringLiteral("kind"), subjectKind},
                                                                               {QStringLiteral("name"), subject}}}}});
    };
    QJsonObject allNonResource{{QStringLiteral("verbs"), QJsonArray{QStringLiteral("*")}},
                               {QStringLiteral("nonResourceURLs"), QJsonArray{QStringLiteral("*")}}};
    clusterRole(QStringLiteral("cluster-admin"), QJsonArray{rule({QStringLiteral("*")}, {QStringLiteral("*")}, {QStringLiteral("*")}), allNonResource});
    const QStringList readVerbs{QStringLiteral("get"), QStringLiteral("list"), QStringLiteral("watch")};
    const QStringList writeVerbs{QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("deletecollection"),
                                 QStringLiteral("patch"), QStringLiteral("update")};
    const QStringList coreRead{QStringLiteral("pods"), QStringLiteral("pods/log"), QStringLiteral("pods/status"), QStringLiteral("services"),
                               QStringLiteral("endpoints"), QStringLiteral("configmaps"), QStringLiteral("serviceaccounts"),
                               QStringLiteral("events"), QStringLiteral("persistentvolumeclaims"), QStringLiteral("namespaces"),
                               QStringLiteral("namespaces/status"), QStringLiteral("nodes")};
    const QStringList appsRead{QStringLiteral("deployments"), QStringLiteral("deployments/scale"), QStringLiteral("replicasets"),
                               QStringLiteral("statefulsets"), QStringLiteral("daemonsets")};
    // Quotas and limit ranges are read-only for view and edit, as upstream's aggregated roles.
    const QStringList quotaRead{QStringLiteral("resourcequotas"), QStringLiteral("resourcequotas/status"), QStringLiteral("limitranges")};
    const QStringList networkingRead{QStringLiteral("ingresses"), QStringLiteral("networkpolicies")};
    clusterRole(QStringLiteral("view"),
                QJsonArray{rule(readVerbs, {QString()}, coreRead + quotaRead), rule(readVerbs, {QStringLiteral("apps")}, appsRead),
                           rule(readVerbs, {QStringLiteral("batch")}, {QStringLiteral("jobs"), QStringLiteral("cronjobs")}),
                           rule(readVerbs, {QStringLiteral("autoscaling")}, {QStringLiteral("horizontalpodautoscalers")}),
                           rule(readVerbs, {QStringLiteral("policy")}, {QStringLiteral("poddisruptionbudgets")}),
                           rule(readVerbs, {QStringLiteral("networking.k8s.io")}, networkingRead),
                           rule(readVerbs, {QStringLiteral("apiextensions.k8s.io")}, {QStringLiteral("customresourcedefinitions")})});
    QStringList editCore = coreRead;
    editCore << QStringLiteral("secrets") << QStringLiteral("pods/exec");
    clusterRole(QStringLiteral("edit"),
                QJsonArray{rule(readVerbs + writeVerbs, {QString()}, editCore), rule(readVerbs, {QString()}, quotaRead),
                           rule(readVerbs + writeVerbs, {QStringLiteral("apps")}, appsRead),
                           rule(readVerbs + writeVerbs, {QStringLiteral("batch")}, {QStringLiteral("jobs"), QStringLiteral("cronjobs")}),
                           rule(readVerbs + writeVerbs, {QStringLiteral("autoscaling")}, {QStringLiteral("horizontalpodautoscalers")}),
                           rule(readVerbs + writeVerbs, {QStringLiteral("policy")}, {QStringLiteral("poddisruptionbudgets")}),
                           rule(readVerbs + writeVerbs, {QStringLiteral("networking.k8s.io")}, networkingRead)});
    // What every authenticated user may do (upstream's bootstrap policy): ask about itself and
    // read discovery, version and health. SelfSubjectRulesReview and `kubectl auth can-i --list`
    // show these rules as on a real cluster.
    auto urlRule = [](const QStringList &urls) {
        return QJsonObject{{QStringLiteral("verbs"), QJsonArray{QStringLiteral("get")}},
                           {QStringLiteral("nonResourceURLs"), QJsonArray::fromStringList(urls)}};
    };
    const QStringList publicInfo{QStringLiteral("/healthz"), QStringLiteral("/livez"), QStringLiteral("/readyz"),
                                 QStringLiteral("/version"), QStringLiteral("/version/")};
    clusterRole(QStringLiteral("system:basic-user"),
                QJsonArray{rule({QStringLiteral("create")}, {QStringLiteral("authorization.k8s.io")},
                                {QStringLiteral("selfsubjectaccessreviews"), QStringLiteral("selfsubjectrulesreviews")}),
                           rule({QStringLiteral("create")}, {QStringLiteral("authentication.k8s.io")}, {QStringLiteral("selfsubjectreviews")})});
    clusterRole(QStringLiteral("system:discovery"),
                QJsonArray{urlRule(QStringList{QStringLiteral("/api"), QStringLiteral("/api/*"), QStringLiteral("/apis"), QStringLiteral("/apis/*"),
                                               QStringLiteral("/openapi"), QStringLiteral("/openapi/*")}
                                   + publicInfo)});
    clusterRole(QStringLiteral("system:public-info-viewer"), QJsonArray{urlRule(publicInfo)});
    for (const char *role : {"system:basic-user", "system:discovery", "system:public-info-viewer"})
        binding(QLatin1String(role), QLatin1String(role), QStringLiteral("Group"), QStringLiteral("system:authenticated"));
    binding(QStringLiteral("cluster-admin"), QStringLiteral("cluster-admin"), QStringLiteral("Group"), QStringLiteral("system:masters"));
    binding(QStringLiteral("sandbox-developer"), QStringLiteral("cluster-admin"), QStringLiteral("User"), QStringLiteral("developer"));
    binding(QStringLiteral("sandbox-viewer"), QStringLiteral("view"), QStringLiteral("User"), QStringLiteral("viewer"));
    syncApiServices(true);
}

void SandboxServer::loadPods(int count, const QString &namespaceName)
{
    if (!m_store.get(namespacesGvr, QString(), namespaceName)) {
        (void)createObject(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                       {QStringLiteral("kind"), QStringLiteral("Namespace")},
                                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), namespaceName}}}});
    }
    const QString now = nowTimestamp();
    const QString node = firstNodeName();
    for (int i = 0; i < count; ++i) {
        const QString name = QStringLiteral("load-%1").arg(i, 6, 10, QLatin1Char('0'));
        const QString ip = QStringLiteral("10.%1.%2.%3").arg(100 + i / 62500).arg((i / 250) % 250).arg(i % 250 + 1);
        QJsonObject pod{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                        {QStringLiteral("kind"), QStringLiteral("Pod")},
                        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name},
                                                                 {QStringLiteral("namespace"), namespaceName},
                                                                 {QStringLiteral("uid"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                                                 {QStringLiteral("creationTimestamp"), now},
                                                                 {QStringLiteral("labels"), QJsonObject{{QStringLiteral("app"), QStringLiteral("load")},
                                                                                                        {QStringLiteral("shard"), QString::number(i % 10)}}}}},
                        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("nodeName"), node},
                                                             {QStringLiteral("containers"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("app")},
                                                                                                                   {QStringLiteral("image"), QStringLiteral("registry.example/load:1.0")}}}}}},
                        {QStringLiteral("status"), QJsonObject{{QStringLiteral("phase"), QStringLiteral("Running")},
                                                               {QStringLiteral("podIP"), ip},
                                                               {QStringLiteral("startTime"), now},
                                                               {QStringLiteral("containerStatuses"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("app")},
                                                                                                                            {QStringLiteral("ready"), true},
                                                                                                                            {QStringLiteral("restartCount"), 0},
                                                                                                                            {QStringLiteral("state"), QJsonObject{{QStringLiteral("running"), QJsonObject{{QStringLiteral("startedAt"), now}}}}}}}},
                                                               {QStringLiteral("conditions"), QJsonArray{condition(QStringLiteral("Ready"), true, now)}}}}};
        m_store.put(podsGvr, pod);
    }
}

void SandboxServer::setEventsPerSecond(int eventsPerSecond)
{
    m_eventsPerSecond = eventsPerSecond;
    if (!m_loadTimer) {
        m_loadTimer = new QTimer(this);
        m_loadTimer->setInterval(100);
        connect(m_loadTimer, &QTimer::timeout, this, [this] {
            const auto &pods = m_store.objects(podsGvr);
            const QString prefix = QStringLiteral("load/");
            auto begin = pods.lower_bound(prefix);
            if (begin == pods.end() || !begin->first.startsWith(prefix))
                return;
            const int perTick = qMax(1, m_eventsPerSecond / 10);
            for (int i = 0; i < perTick; ++i) {
                const QString name = QStringLiteral("load-%1").arg(qulonglong(m_loadCursor++ % 1000000), 6, 10, QLatin1Char('0'));
                const QJsonObject *p = m_store.get(podsGvr, QStringLiteral("load"), name);
                if (!p) {
                    m_loadCursor = 0;
                    continue;
                }
                QJsonObject pod = *p;
                QJsonObject meta = metaOf(pod);
                QJsonObject annotations = meta.value(QLatin1String("annotations")).toObject();
                annotations.insert(QStringLiteral("sandbox.qluster.dev/tick"), QString::number(m_loadCursor));
                meta.insert(QStringLiteral("annotations"), annotations);
                pod.insert(kMetadata, meta);
                m_store.put(podsGvr, pod);
            }
        });
    }
    if (eventsPerSecond > 0)
        m_loadTimer->start();
    else
        m_loadTimer->stop();
}

QString SandboxServer::requestVerb(const Request &r, bool named)
{
    const QByteArray &method = r.http.method;
    if (method == "GET" || method == "HEAD") {
        if (named)
            return QStringLiteral("get");
        return isTrue(r.http.queryValue("watch")) ? QStringLiteral("watch") : QStringLiteral("list");
    }
    if (method == "POST")
        return QStringLiteral("create");
    if (method == "PUT")
        return QStringLiteral("update");
    if (method == "PATCH")
        return QStringLiteral("patch");
    if (method == "DELETE")
        return named ? QStringLiteral("delete") : QStringLiteral("deletecollection");
    return {};
}

void SandboxServer::handleFaults(Request &r)
{
    // The sandbox's own control endpoint (not a Kubernetes API): fault injection and load knobs
    // for tests and benchmarks that drive qluster-sandbox from outside. Admins only.
    if (!r.identity.groups.contains(QLatin1String("system:masters"))) {
        sendStatus(r, ApiStatus::forbidden(r.identity.user, QStringLiteral("create"), QStringLiteral("faults"),
                                           QStringLiteral("sandbox.qluster.dev"), QString(), QString()));
        return;
    }
    if (r.http.method != "POST") {
        sendStatus(r, ApiStatus::methodNotAllowed());
        return;
    }
    auto body = parseBody(r);
    if (!body) {
        sendError(r, body.error());
        return;
    }
    const QJsonObject b = *body;
    const QDateTime clockTime = QDateTime::fromString(b.value(QLatin1String("clock")).toString(), Qt::ISODateWithMs);
    if (b.contains(QLatin1String("clock")) && !clockTime.isValid()) {
        sendStatus(r, ApiStatus::badRequest(QStringLiteral("clock: not an RFC 3339 time: %1").arg(b.value(QLatin1String("clock")).toString())));
        return;
    }
    if (b.contains(QLatin1String("advanceClockSeconds")) && !b.value(QLatin1String("advanceClockSeconds")).isDouble()) {
        sendStatus(r, ApiStatus::badRequest(QStringLiteral("advanceClockSeconds: not a number")));
        return;
    }
    if (clockTime.isValid())
        setClock(clockTime);
    if (b.contains(QLatin1String("advanceClockSeconds")))
        advanceClock(b.value(QLatin1String("advanceClockSeconds")).toInteger());
    if (b.contains(QLatin1String("failNext"))) {
        const QJsonObject f = b.value(QLatin1String("failNext")).toObject();
        failNextRequests(f.value(QLatin1String("count")).toInt(1), f.value(QLatin1String("status")).toInt(500),
                         f.value(QLatin1String("retryAfterSeconds")).toInt(1));
    }
    if (b.contains(QLatin1String("latencyMilliseconds")))
        setLatency(b.value(QLatin1String("latencyMilliseconds")).toInt());
    if (b.contains(QLatin1String("truncateNext")))
        truncateNextResponses(b.value(QLatin1String("truncateNext")).toInt());
    if (b.contains(QLatin1String("loadPods")))
        loadPods(b.value(QLatin1String("loadPods")).toInt());
    if (b.contains(QLatin1String("eventsPerSecond")))
        setEventsPerSecond(b.value(QLatin1String("eventsPerSecond")).toInt());
    if (b.contains(QLatin1String("expireContinueTokens"))) {
        const QJsonValue v = b.value(QLatin1String("expireContinueTokens"));
        expireContinueTokens(v.isBool() ? int(v.toBool()) : v.toInt());
    }
    if (b.value(QLatin1String("compact")).toBool())
        compactHistory();
    sendJson(r, 200, ApiStatus::success());
    if (b.value(QLatin1String("dropWatches")).toBool())
        QTimer::singleShot(0, this, &SandboxServer::dropWatches);
    if (b.value(QLatin1String("restart")).toBool())
        QTimer::singleShot(0, this, [this] {
            if (auto restarted = restart(); !restarted)
                qCWarning(lcSandbox) << "restart failed:" << restarted.error().toString();
        });
}

void SandboxServer::failNextRequests(int count, int status, int retryAfterSeconds)
{
    m_failCount = count;
    m_failStatus = status;
    m_failRetryAfter = retryAfterSeconds;
}

void SandboxServer::expireContinueTokens(int count)
{
    m_expireContinues = qMax(0, count);
}

void SandboxServer::compactHistory()
{
    m_store.compact(m_store.resourceVersion());
}

void SandboxServer::setLatency(int milliseconds)
{
    m_latency = milliseconds;
}

void SandboxServer::truncateNextResponses(int count)
{
    m_truncateCount = count;
}

// ---------------------------------------------------------------------------------------------
// pods/log and pods/exec

namespace {

// Picks the container a log or exec request means, or says why none can be picked.
Result<QString> chooseContainer(const QJsonObject &pod, const QString &requested)
{
    QStringList names;
    for (const QJsonValue &c : pod.value(QLatin1String("spec")).toObject().value(QLatin1String("containers")).toArray())
        names << c.toObject().value(QLatin1String("name")).toString();
    const QString podName = metaString(pod, QLatin1String("name"));
    if (!requested.isEmpty()) {
        if (!names.contains(requested))
            return fail(statusError(400, QStringLiteral("BadRequest"),
                                    QStringLiteral("container %1 is not valid for pod %2").arg(requested, podName)));
        return requested;
    }
    const QString annotated = metaOf(pod).value(QLatin1String("annotations")).toObject()
                                  .value(QLatin1String("kubectl.kubernetes.io/default-container")).toString();
    if (names.contains(annotated))
        return annotated;
    if (names.size() == 1)
        return names.first();
    return fail(statusError(400, QStringLiteral("BadRequest"),
                            QStringLiteral("a container name must be specified for pod %1, choose one of: [%2]")
                                .arg(podName, names.join(QLatin1Char(' ')))));
}

} // namespace

void SandboxServer::handleLog(Request &r, const ResourcePath &p)
{
    const QJsonObject *current = m_store.get(podsGvr, p.namespaceName, p.name);
    if (!current) {
        sendStatus(r, ApiStatus::notFound(QStringLiteral("pods"), p.name));
        return;
    }
    const QJsonObject pod = *current;
    auto container = chooseContainer(pod, r.http.queryValue("container"));
    if (!container) {
        sendError(r, container.error());
        return;
    }
    const bool previous = isTrue(r.http.queryValue("previous"));
    const bool timestamps = isTrue(r.http.queryValue("timestamps"));
    const bool follow = isTrue(r.http.queryValue("follow"));
    if (pod.value(kStatus).toObject().value(QLatin1String("phase")).toString() == QLatin1String("Pending")) {
        sendStatus(r, ApiStatus::badRequest(QStringLiteral("container \"%1\" in pod \"%2\" is waiting to start: ContainerCreating")
                                                .arg(*container, p.name)));
        return;
    }
    if (previous && !PodLogs::startTime(pod, *container, true).isValid()) {
        sendStatus(r, ApiStatus::badRequest(QStringLiteral("previous terminated container \"%1\" in pod \"%2\" not found")
                                                .arg(*container, p.name)));
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime after;
    bool ok = false;
    const int sinceSeconds = r.http.queryValue("sinceSeconds").toInt(&ok);
    if (ok && sinceSeconds > 0)
        after = now.addSecs(-sinceSeconds);
    const QString sinceTime = r.http.queryValue("sinceTime");
    if (!sinceTime.isEmpty())
        after = QDateTime::fromString(sinceTime, Qt::ISODate);
    QList<PodLogs::Line> lines = PodLogs::lines(pod, *container, previous, after, now);
    const int tail = r.http.queryValue("tailLines").toInt(&ok);
    if (ok && tail >= 0 && tail < lines.size())
        lines = lines.mid(lines.size() - tail);
    QByteArray body;
    for (const PodLogs::Line &l : lines)
        body += PodLogs::format(l, timestamps);
    const qint64 limitBytes = r.http.queryValue("limitBytes").toLongLong(&ok);
    if (ok && limitBytes > 0)
        body = body.left(limitBytes);
    if (!follow || previous) {
        sendBytes(r, 200, "text/plain", body);
        return;
    }
    // Follow: stream the history, then one chunk per new line until the pod or connection goes.
    r.status = 200;
    r.connection->beginStream(200, {{"Content-Type", "text/plain"}, {"Cache-Control", "no-cache, private"}});
    Q_EMIT requestHandled(QString::fromLatin1(r.http.method), r.http.path, 200);
    r.connection->writeChunk(body);
    QPointer<HttpConnection> connection = r.connection;
    auto *timer = new QTimer(connection);
    const QString ns = p.namespaceName;
    const QString name = p.name;
    const QString c = *container;
    auto last = std::make_shared<QDateTime>(lines.isEmpty() ? now : lines.last().time);
    connect(timer, &QTimer::timeout, this, [this, connection, timer, ns, name, c, last, timestamps] {
        if (!connection) {
            timer->deleteLater();
            return;
        }
        const QJsonObject *current = m_store.get(podsGvr, ns, name);
        if (!current) {
            timer->deleteLater();
            connection->endStream();
            return;
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QByteArray chunk;
        for (const PodLogs::Line &l : PodLogs::lines(*current, c, false, *last, now)) {
            chunk += PodLogs::format(l, timestamps);
            *last = l.time;
        }
        connection->writeChunk(chunk);
        // The stream ends with the container, as kubelet's does (a container waiting to restart
        // shows its terminated instance, which has ended).
        for (const QJsonValue &v : current->value(kStatus).toObject().value(QLatin1String("containerStatuses")).toArray()) {
            const QJsonObject cs = v.toObject();
            const QJsonObject state = cs.value(QLatin1String("state")).toObject();
            const bool ended = state.contains(QLatin1String("terminated"))
                               || (state.contains(QLatin1String("waiting"))
                                   && cs.value(QLatin1String("lastState")).toObject().contains(QLatin1String("terminated")));
            if (cs.value(kName).toString() == c && ended) {
                timer->deleteLater();
                connection->endStream();
                return;
            }
        }
    });
    timer->start(500);
}

void SandboxServer::onUpgrade(HttpConnection *connection, const HttpRequest &request)
{
    Request r;
    r.connection = connection;
    r.http = request;
    auto reject = [&](const QJsonObject &status) {
        // The request was only peeked: consume it so the answer follows it, then close.
        connection->socket()->readAll();
        r.http.headers.insert("connection", "close");
        sendStatus(r, status);
        connection->socket()->disconnectFromHost();
    };
    const auto identity = authenticate(connection, request);
    if (!identity) {
        reject(ApiStatus::unauthorized());
        return;
    }
    r.identity = *identity;
    const auto p = parseResourcePath(request.path);
    if (!p || !p->type || p->type->plural != QLatin1String("pods") || !p->type->group.isEmpty()
        || (p->subresource != QLatin1String("exec") && p->subresource != QLatin1String("attach"))) {
        reject(ApiStatus::notFound(QString(), QString()));
        return;
    }
    // Running a command needs `create` on pods/exec (or attach), as the POST of a SPDY exec does
    // and as a WebSocket upgrade does with the feature AuthorizePodWebsocketUpgradeCreatePermission:
    // `get` alone, which is all a GET upgrade was authorized with before, does not let anyone run
    // commands. (Upstream also checks `get` on the GET; a user with `create` only would then exec
    // over SPDY, which the sandbox does not serve, so the sandbox lets it in here.)
    const AccessAttributes a{r.identity.user, r.identity.groups, QStringLiteral("create"), QString(), QStringLiteral("pods"),
                             p->subresource, p->namespaceName, p->name, QString()};
    if (!RbacAuthorizer(m_store).allowed(a)) {
        reject(ApiStatus::forbidden(r.identity.user, QStringLiteral("create"), QStringLiteral("pods/") + p->subresource,
                                    QString(), p->namespaceName, p->name));
        return;
    }
    const QJsonObject *pod = m_store.get(podsGvr, p->namespaceName, p->name);
    if (!pod) {
        reject(ApiStatus::notFound(QStringLiteral("pods"), p->name));
        return;
    }
    auto container = chooseContainer(*pod, request.queryValue("container"));
    if (!container) {
        reject(ApiStatus::fromError(container.error()));
        return;
    }
    if (pod->value(kStatus).toObject().value(QLatin1String("phase")).toString() != QLatin1String("Running")) {
        reject(ApiStatus::badRequest(QStringLiteral("unable to upgrade connection: container not found (\"%1\")").arg(*container)));
        return;
    }
    Q_EMIT requestHandled(QString::fromLatin1(request.method), request.path, 101);
    m_connections.removeAll(QPointer<HttpConnection>(connection));
    QTcpSocket *socket = connection->release();
    socket->setParent(this);
    m_webSockets->handleConnection(socket);
}

void SandboxServer::onWebSocket()
{
    while (m_webSockets->hasPendingConnections()) {
        QWebSocket *ws = m_webSockets->nextPendingConnection();
        ws->setParent(this);
        m_execSockets << ws;
        const QUrl url = ws->requestUrl();
        const QUrlQuery query(url.query(QUrl::FullyEncoded).replace(QLatin1Char('+'), QStringLiteral("%20")));
        const auto p = parseResourcePath(url.path());
        const QJsonObject *podPtr = p ? m_store.get(podsGvr, p->namespaceName, p->name) : nullptr;
        if (!podPtr) {
            ws->close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("pod not found"));
            continue;
        }
        const QJsonObject pod = *podPtr;
        const QString container = chooseContainer(pod, query.queryItemValue(QStringLiteral("container"))).value_or(QString());
        QStringList argv;
        for (const auto &item : query.queryItems(QUrl::FullyDecoded)) {
            if (item.first == QLatin1String("command"))
                argv << item.second;
        }
        const bool stdinOpen = isTrue(query.queryItemValue(QStringLiteral("stdin")));
        const bool v5 = ws->subprotocol() == QLatin1String("v5.channel.k8s.io");
        auto shell = std::make_shared<PodShell>(pod, container);
        const bool tty = isTrue(query.queryItemValue(QStringLiteral("tty")));
        if (tty)
            shell->setTerminalSize(0, 0); // a terminal whose size the client has not sent yet
        auto send = [ws](char channel, const QByteArray &data) {
            if (!data.isEmpty())
                ws->sendBinaryMessage(QByteArray(QByteArray(1, channel) + data));
        };
        auto done = std::make_shared<bool>(false);
        auto finish = [ws, send, argv, v5, done](int exitCode) {
            if (*done)
                return; // one Status per session on the error channel
            *done = true;
            QJsonObject status{{QStringLiteral("metadata"), QJsonObject{}}};
            if (exitCode == 0) {
                status.insert(QStringLiteral("status"), QStringLiteral("Success"));
            } else {
                status.insert(QStringLiteral("status"), QStringLiteral("Failure"));
                status.insert(QStringLiteral("message"),
                              QStringLiteral("command terminated with non-zero exit code: error executing command [%1], exit code %2")
                                  .arg(argv.join(QLatin1Char(' '))).arg(exitCode));
                status.insert(QStringLiteral("reason"), QStringLiteral("NonZeroExitCode"));
                status.insert(QStringLiteral("details"),
                              QJsonObject{{QStringLiteral("causes"), QJsonArray{QJsonObject{{QStringLiteral("reason"), QStringLiteral("ExitCode")},
                                                                                             {QStringLiteral("message"), QString::number(exitCode)}}}}});
            }
            send(3, compact(status));
            Q_UNUSED(v5);
            ws->flush();
            QTimer::singleShot(50, ws, [ws] { ws->close(QWebSocketProtocol::CloseCodeNormal); });
        };
        if (argv.isEmpty()) {
            send(2, "no command given\n");
            finish(126);
            continue;
        }
        const bool interactive = stdinOpen && PodShell::isInteractiveShell(argv);
        if (!interactive) {
            // Give the client a moment to attach its readers before the output arrives.
            QTimer::singleShot(20, ws, [shell, argv, send, finish] {
                const PodShell::Output o = shell->run(argv);
                send(1, o.out);
                send(2, o.err);
                finish(o.exitCode);
            });
            continue;
        }
        // A shell prints its prompt only on a terminal.
        const QByteArray prompt = tty ? QByteArrayLiteral("# ") : QByteArray();
        auto pending = std::make_shared<QByteArray>();
        QTimer::singleShot(20, ws, [send, prompt] { send(1, prompt); });
        connect(ws, &QWebSocket::binaryMessageReceived, ws, [shell, pending, send, finish, prompt, tty](const QByteArray &message) {
            if (message.isEmpty())
                return;
            const char channel = message.at(0);
            if (channel == 0) {
                *pending += message.mid(1);
                qsizetype nl;
                while ((nl = pending->indexOf('\n')) >= 0 || (nl = pending->indexOf('\r')) >= 0) {
                    const QString line = QString::fromUtf8(pending->left(nl)).trimmed();
                    pending->remove(0, nl + 1);
                    if (tty)
                        send(1, QByteArray(line.toUtf8() + "\r\n")); // the terminal echoes input
                    const PodShell::Output o = shell->runLine(line);
                    send(1, o.out);
                    send(2, o.err);
                    if (o.exitRequested) {
                        finish(o.exitCode);
                        return;
                    }
                    send(1, prompt);
                }
            } else if (channel == 4) {
                // Resize (v4 and v5): {"Width": columns, "Height": rows}, remotecommand.TerminalSize.
                const QJsonObject size = QJsonDocument::fromJson(message.mid(1)).object();
                if (tty && size.value(QLatin1String("Width")).toInt() > 0 && size.value(QLatin1String("Height")).toInt() > 0)
                    shell->setTerminalSize(size.value(QLatin1String("Width")).toInt(), size.value(QLatin1String("Height")).toInt());
            } else if (uchar(channel) == 255 && message.size() > 1 && message.at(1) == 0) {
                finish(0); // v5: the client closed stdin
            }
        });
    }
}

// ---------------------------------------------------------------------------------------------
// Demo data

void SandboxServer::loadDemoObjects()
{
    auto create = [this](const QJsonObject &o) {
        auto r = createObject(o);
        if (!r)
            qCWarning(lcSandbox) << "demo object not created:" << r.error().toString();
    };
    auto ns = [&](const QString &name) {
        create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                           {QStringLiteral("kind"), QStringLiteral("Namespace")},
                           {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}}});
    };
    ns(QStringLiteral("shop"));
    ns(QStringLiteral("monitoring"));
    ns(QStringLiteral("batch-jobs"));
    auto container = [](const QString &name, const QString &image, int port) {
        QJsonObject c{{QStringLiteral("name"), name}, {QStringLiteral("image"), image}};
        if (port > 0)
            c.insert(QStringLiteral("ports"), QJsonArray{QJsonObject{{QStringLiteral("containerPort"), port}, {QStringLiteral("protocol"), QStringLiteral("TCP")}}});
        c.insert(QStringLiteral("env"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("APP_NAME")}, {QStringLiteral("value"), name}}});
        return c;
    };
    auto deployment = [&](const QString &nsName, const QString &name, int replicas, const QJsonArray &containers) {
        const QJsonObject labels{{QStringLiteral("app"), name}};
        create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                           {QStringLiteral("kind"), QStringLiteral("Deployment")},
                           {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), nsName}, {QStringLiteral("labels"), labels}}},
                           {QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), replicas},
                                                                {QStringLiteral("selector"), QJsonObject{{QStringLiteral("matchLabels"), labels}}},
                                                                {QStringLiteral("template"), QJsonObject{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("labels"), labels}}},
                                                                                                         {QStringLiteral("spec"), QJsonObject{{QStringLiteral("containers"), containers}}}}}}}});
        QJsonArray ports;
        for (const QJsonValue &c : containers) {
            for (const QJsonValue &pv : c.toObject().value(QLatin1String("ports")).toArray())
                ports.append(QJsonObject{{QStringLiteral("port"), pv.toObject().value(QLatin1String("containerPort"))},
                                         {QStringLiteral("targetPort"), pv.toObject().value(QLatin1String("containerPort"))}});
        }
        if (!ports.isEmpty()) {
            create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                               {QStringLiteral("kind"), QStringLiteral("Service")},
                               {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), nsName}, {QStringLiteral("labels"), labels}}},
                               {QStringLiteral("spec"), QJsonObject{{QStringLiteral("selector"), labels}, {QStringLiteral("ports"), ports}}}});
        }
    };
    deployment(QStringLiteral("shop"), QStringLiteral("frontend"), 3, QJsonArray{container(QStringLiteral("frontend"), QStringLiteral("nginx:1.27"), 80)});
    deployment(QStringLiteral("shop"), QStringLiteral("cart"), 2, QJsonArray{container(QStringLiteral("cart"), QStringLiteral("ghcr.io/example/cart:2.4.1"), 8080)});
    deployment(QStringLiteral("shop"), QStringLiteral("checkout"), 1,
               QJsonArray{container(QStringLiteral("checkout"), QStringLiteral("ghcr.io/example/checkout:1.9"), 8080),
                          container(QStringLiteral("envoy"), QStringLiteral("envoyproxy/envoy:v1.31.0"), 9901)});
    deployment(QStringLiteral("monitoring"), QStringLiteral("prometheus"), 1, QJsonArray{container(QStringLiteral("prometheus"), QStringLiteral("prom/prometheus:v2.54.0"), 9090)});
    deployment(QStringLiteral("monitoring"), QStringLiteral("grafana"), 1, QJsonArray{container(QStringLiteral("grafana"), QStringLiteral("grafana/grafana:11.2.0"), 3000)});
    create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("Pod")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("flaky-worker")},
                                                                {QStringLiteral("namespace"), QStringLiteral("shop")},
                                                                {QStringLiteral("labels"), QJsonObject{{QStringLiteral("app"), QStringLiteral("flaky-worker")}}},
                                                                {QStringLiteral("annotations"), QJsonObject{{behaviorAnnotation, QStringLiteral("crashloop")}}}}},
                       {QStringLiteral("spec"), QJsonObject{{QStringLiteral("containers"), QJsonArray{container(QStringLiteral("worker"), QStringLiteral("ghcr.io/example/worker:0.3"), 0)}}}}});
    create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("batch/v1")},
                       {QStringLiteral("kind"), QStringLiteral("Job")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("nightly-report")}, {QStringLiteral("namespace"), QStringLiteral("batch-jobs")}}},
                       {QStringLiteral("spec"), QJsonObject{{QStringLiteral("template"),
                                                             QJsonObject{{QStringLiteral("spec"), QJsonObject{{QStringLiteral("restartPolicy"), QStringLiteral("Never")},
                                                                                                             {QStringLiteral("containers"), QJsonArray{container(QStringLiteral("report"), QStringLiteral("busybox:1.36"), 0)}}}}}}}}});
    create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("batch/v1")},
                       {QStringLiteral("kind"), QStringLiteral("CronJob")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("cleanup")}, {QStringLiteral("namespace"), QStringLiteral("batch-jobs")}}},
                       {QStringLiteral("spec"), QJsonObject{{QStringLiteral("schedule"), QStringLiteral("*/5 * * * *")},
                                                            {QStringLiteral("jobTemplate"), QJsonObject{{QStringLiteral("spec"), QJsonObject{{QStringLiteral("template"),
                                                                QJsonObject{{QStringLiteral("spec"), QJsonObject{{QStringLiteral("restartPolicy"), QStringLiteral("OnFailure")},
                                                                                                                {QStringLiteral("containers"), QJsonArray{container(QStringLiteral("cleanup"), QStringLiteral("busybox:1.36"), 0)}}}}}}}}}}}}});
    // A small StatefulSet with a claim per pod (and its headless Service), and a DaemonSet.
    const QJsonObject redisLabels{{QStringLiteral("app"), QStringLiteral("redis")}};
    create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("Service")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("redis")}, {QStringLiteral("namespace"), QStringLiteral("shop")}, {QStringLiteral("labels"), redisLabels}}},
                       {QStringLiteral("spec"), QJsonObject{{QStringLiteral("clusterIP"), QStringLiteral("None")},
                                                            {QStringLiteral("selector"), redisLabels},
                                                            {QStringLiteral("ports"), QJsonArray{QJsonObject{{QStringLiteral("port"), 6379}}}}}}});
    create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                       {QStringLiteral("kind"), QStringLiteral("StatefulSet")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("redis")}, {QStringLiteral("namespace"), QStringLiteral("shop")}, {QStringLiteral("labels"), redisLabels}}},
                       {QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), 2},
                                                            {QStringLiteral("serviceName"), QStringLiteral("redis")},
                                                            {QStringLiteral("selector"), QJsonObject{{QStringLiteral("matchLabels"), redisLabels}}},
                                                            {QStringLiteral("template"), QJsonObject{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("labels"), redisLabels}}},
                                                                                                     {QStringLiteral("spec"), QJsonObject{{QStringLiteral("containers"), QJsonArray{container(QStringLiteral("redis"), QStringLiteral("redis:7.4"), 6379)}}}}}},
                                                            {QStringLiteral("volumeClaimTemplates"),
                                                             QJsonArray{QJsonObject{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("data")}}},
                                                                                    {QStringLiteral("spec"), QJsonObject{{QStringLiteral("accessModes"), QJsonArray{QStringLiteral("ReadWriteOnce")}},
                                                                                                                         {QStringLiteral("resources"), QJsonObject{{QStringLiteral("requests"), QJsonObject{{QStringLiteral("storage"), QStringLiteral("1Gi")}}}}}}}}}}}}});
    const QJsonObject exporterLabels{{QStringLiteral("app"), QStringLiteral("node-exporter")}};
    create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                       {QStringLiteral("kind"), QStringLiteral("DaemonSet")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("node-exporter")}, {QStringLiteral("namespace"), QStringLiteral("monitoring")}, {QStringLiteral("labels"), exporterLabels}}},
                       {QStringLiteral("spec"), QJsonObject{{QStringLiteral("selector"), QJsonObject{{QStringLiteral("matchLabels"), exporterLabels}}},
                                                            {QStringLiteral("template"), QJsonObject{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("labels"), exporterLabels}}},
                                                                                                     {QStringLiteral("spec"), QJsonObject{{QStringLiteral("containers"), QJsonArray{container(QStringLiteral("node-exporter"), QStringLiteral("prom/node-exporter:v1.8.2"), 9100)}}}}}}}}});
    create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("frontend-config")}, {QStringLiteral("namespace"), QStringLiteral("shop")}}},
                       {QStringLiteral("data"), QJsonObject{{QStringLiteral("nginx.conf"), QStringLiteral("server { listen 80; }\n")}, {QStringLiteral("LOG_LEVEL"), QStringLiteral("info")}}}});
    create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("Secret")},
                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("cart-db")}, {QStringLiteral("namespace"), QStringLiteral("shop")}}},
                       {QStringLiteral("type"), QStringLiteral("Opaque")},
                       {QStringLiteral("data"), QJsonObject{{QStringLiteral("username"), QStringLiteral("Y2FydA==")}, {QStringLiteral("password"), QStringLiteral("ZGVtby1vbmx5")}}}});
    loadDemoPolicies();
}

// ---------------------------------------------------------------------------------------------
// SandboxThread

SandboxThread::SandboxThread(SandboxOptions options)
    : m_options(std::move(options))
{
    m_thread.setObjectName(QStringLiteral("qluster-sandbox"));
}

SandboxThread::~SandboxThread()
{
    if (m_server) {
        SandboxServer *server = m_server;
        QMetaObject::invokeMethod(server, [server] { delete server; }, Qt::BlockingQueuedConnection);
        m_server = nullptr;
    }
    m_thread.quit();
    m_thread.wait();
}

Result<void> SandboxThread::start()
{
    m_server = new SandboxServer(m_options);
    m_server->moveToThread(&m_thread);
    m_thread.start();
    Result<void> result;
    SandboxServer *server = m_server;
    QMetaObject::invokeMethod(server, [server, &result] { result = server->start(); },
                              Qt::BlockingQueuedConnection);
    return result;
}

void SandboxThread::invoke(const std::function<void(SandboxServer &)> &function) const
{
    SandboxServer *server = m_server;
    if (QThread::currentThread() == &m_thread) {
        function(*server);
        return;
    }
    QMetaObject::invokeMethod(server, [server, &function] { function(*server); }, Qt::BlockingQueuedConnection);
}

} // namespace Qluster
