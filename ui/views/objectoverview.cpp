// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "objectoverview.h"

#include <QJsonArray>
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

QString mapTable(const QJsonObject &map)
{
    if (map.isEmpty())
        return QStringLiteral("<p><i>%1</i></p>").arg(esc(ObjectOverview::tr("none")));
    QString html = QStringLiteral("<table cellspacing=\"2\">");
    for (auto it = map.begin(); it != map.end(); ++it)
        html += row(it.key(), esc(it.value().toString()));
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
    m_object = QJsonObject();
    m_browser->setHtml(QStringLiteral("<p>%1</p>").arg(esc(message)));
}

QString ObjectOverview::text() const
{
    return m_browser->toPlainText();
}

void ObjectOverview::setObject(const QJsonObject &object)
{
    m_object = object;
    const QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
    QString html;
    html += QStringLiteral("<h3>%1 %2</h3>")
                .arg(esc(object.value(QLatin1String("kind")).toString()),
                     esc(meta.value(QLatin1String("name")).toString()));
    html += QStringLiteral("<table cellspacing=\"2\">");
    html += row(tr("API version"), esc(object.value(QLatin1String("apiVersion")).toString()));
    if (meta.contains(QLatin1String("namespace")))
        html += row(tr("Namespace"), esc(meta.value(QLatin1String("namespace")).toString()));
    html += row(tr("UID"), esc(meta.value(QLatin1String("uid")).toString()));
    html += row(tr("Created"), esc(meta.value(QLatin1String("creationTimestamp")).toString()));
    html += row(tr("Resource version"), esc(meta.value(QLatin1String("resourceVersion")).toString()));
    if (meta.contains(QLatin1String("deletionTimestamp")))
        html += row(tr("Deleting since"), esc(meta.value(QLatin1String("deletionTimestamp")).toString()));
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h4>%1</h4>").arg(esc(tr("Labels")));
    html += mapTable(meta.value(QLatin1String("labels")).toObject());
    html += QStringLiteral("<h4>%1</h4>").arg(esc(tr("Annotations")));
    QJsonObject annotations = meta.value(QLatin1String("annotations")).toObject();
    // The last applied configuration repeats the whole object; the YAML tab shows it.
    annotations.remove(QStringLiteral("kubectl.kubernetes.io/last-applied-configuration"));
    html += mapTable(annotations);

    const QJsonArray owners = meta.value(QLatin1String("ownerReferences")).toArray();
    html += QStringLiteral("<h4>%1</h4>").arg(esc(tr("Owner references")));
    if (owners.isEmpty()) {
        html += QStringLiteral("<p><i>%1</i></p>").arg(esc(tr("none")));
    } else {
        html += QStringLiteral("<ul>");
        for (const QJsonValue &ov : owners) {
            const QJsonObject o = ov.toObject();
            QUrl url;
            url.setScheme(QStringLiteral("owner"));
            url.setPath(QStringLiteral("ref"));
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("apiVersion"), o.value(QLatin1String("apiVersion")).toString());
            query.addQueryItem(QStringLiteral("kind"), o.value(QLatin1String("kind")).toString());
            query.addQueryItem(QStringLiteral("name"), o.value(QLatin1String("name")).toString());
            url.setQuery(query);
            QString item = QStringLiteral("<a href=\"%1\">%2/%3</a>")
                               .arg(esc(url.toString(QUrl::FullyEncoded)),
                                    esc(o.value(QLatin1String("kind")).toString()),
                                    esc(o.value(QLatin1String("name")).toString()));
            if (o.value(QLatin1String("controller")).toBool())
                item += QStringLiteral(" (%1)").arg(esc(tr("controller")));
            html += QStringLiteral("<li>%1</li>").arg(item);
        }
        html += QStringLiteral("</ul>");
    }

    const QJsonArray conditions = object.value(QLatin1String("status")).toObject()
                                      .value(QLatin1String("conditions")).toArray();
    html += QStringLiteral("<h4>%1</h4>").arg(esc(tr("Conditions")));
    if (conditions.isEmpty()) {
        html += QStringLiteral("<p><i>%1</i></p>").arg(esc(tr("none")));
    } else {
        html += QStringLiteral("<table cellspacing=\"4\"><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>")
                    .arg(esc(tr("Type")), esc(tr("Status")), esc(tr("Reason")), esc(tr("Message")),
                         esc(tr("Last transition")));
        for (const QJsonValue &cv : conditions) {
            const QJsonObject c = cv.toObject();
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                        .arg(esc(c.value(QLatin1String("type")).toString()),
                             esc(c.value(QLatin1String("status")).toString()),
                             esc(c.value(QLatin1String("reason")).toString()),
                             esc(c.value(QLatin1String("message")).toString()),
                             esc(c.value(QLatin1String("lastTransitionTime")).toString()));
        }
        html += QStringLiteral("</table>");
    }
    m_browser->setHtml(html);
}

} // namespace Qluster::Ui
