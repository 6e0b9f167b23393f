// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "objectoverview.h"

#include <QTextBrowser>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace Qluster::Ui {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString row(const QString &key, const QString &value)
{
    return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(esc(key), value);
}

QString mapTable(const QMap<QString, QString> &map)
{
    if (map.isEmpty())
        return QStringLiteral("<p><i>%1</i></p>").arg(esc(ObjectOverview::tr("none")));
    QString html = QStringLiteral("<table cellspacing=\"2\">");
    for (auto it = map.begin(); it != map.end(); ++it)
        html += row(it.key(), esc(it.value()));
    return html + QStringLiteral("</table>");
}

} // namespace

ObjectOverview::ObjectOverview(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("objectOverview"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(QStringLiteral("overviewBrowser"));
    m_browser->setOpenLinks(false);
    layout->addWidget(m_browser);
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() != QLatin1String("owner"))
            return;
        const QUrlQuery query(url);
        Q_EMIT ownerActivated(query.queryItemValue(QStringLiteral("apiVersion"), QUrl::FullyDecoded),
                              query.queryItemValue(QStringLiteral("kind"), QUrl::FullyDecoded),
                              query.queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded));
    });
}

void ObjectOverview::setMessage(const QString &message)
{
    m_object = ObjectSummary();
    m_browser->setHtml(QStringLiteral("<p>%1</p>").arg(esc(message)));
}

QString ObjectOverview::text() const
{
    return m_browser->toPlainText();
}

void ObjectOverview::setObject(const ObjectSummary &object)
{
    m_object = object;
    const ObjectMeta &meta = object.meta;
    QString html;
    html += QStringLiteral("<h3>%1 %2</h3>").arg(esc(object.kind), esc(meta.name));
    html += QStringLiteral("<table cellspacing=\"2\">");
    html += row(tr("API version"), esc(object.apiVersion));
    if (object.namespaced)
        html += row(tr("Namespace"), esc(meta.namespaceName));
    html += row(tr("UID"), esc(meta.uid));
    html += row(tr("Created"), esc(object.creationTimestamp));
    html += row(tr("Resource version"), esc(meta.resourceVersion));
    if (!object.deletionTimestamp.isEmpty())
        html += row(tr("Deleting since"), esc(object.deletionTimestamp));
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h4>%1</h4>").arg(esc(tr("Labels")));
    html += mapTable(meta.labels);
    html += QStringLiteral("<h4>%1</h4>").arg(esc(tr("Annotations")));
    html += mapTable(object.annotations);

    html += QStringLiteral("<h4>%1</h4>").arg(esc(tr("Owner references")));
    if (meta.ownerReferences.isEmpty()) {
        html += QStringLiteral("<p><i>%1</i></p>").arg(esc(tr("none")));
    } else {
        html += QStringLiteral("<ul>");
        for (const OwnerReference &o : meta.ownerReferences) {
            QUrl url;
            url.setScheme(QStringLiteral("owner"));
            url.setPath(QStringLiteral("ref"));
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("apiVersion"), o.apiVersion);
            query.addQueryItem(QStringLiteral("kind"), o.kind);
            query.addQueryItem(QStringLiteral("name"), o.name);
            url.setQuery(query);
            QString item = QStringLiteral("<a href=\"%1\">%2/%3</a>")
                               .arg(esc(url.toString(QUrl::FullyEncoded)), esc(o.kind), esc(o.name));
            if (o.controller)
                item += QStringLiteral(" (%1)").arg(esc(tr("controller")));
            html += QStringLiteral("<li>%1</li>").arg(item);
        }
        html += QStringLiteral("</ul>");
    }

    html += QStringLiteral("<h4>%1</h4>").arg(esc(tr("Conditions")));
    if (object.conditions.isEmpty()) {
        html += QStringLiteral("<p><i>%1</i></p>").arg(esc(tr("none")));
    } else {
        html += QStringLiteral("<table cellspacing=\"4\"><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>")
                    .arg(esc(tr("Type")), esc(tr("Status")), esc(tr("Reason")), esc(tr("Message")),
                         esc(tr("Last transition")));
        for (const ObjectCondition &c : object.conditions) {
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                        .arg(esc(c.type), esc(c.status), esc(c.reason), esc(c.message),
                             esc(c.lastTransitionTime));
        }
        html += QStringLiteral("</table>");
    }
    m_browser->setHtml(html);
}

} // namespace Qluster::Ui
