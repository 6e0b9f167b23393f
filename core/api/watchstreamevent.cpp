// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "watchstreamevent.h"

#include "jsonparse.h"

namespace Qluster {

Result<WatchStreamEvent> decodeWatchStreamEvent(const QByteArray &frame)
{
    auto root = parseJsonObject(frame, QStringLiteral("watch event"));
    if (!root)
        return fail(root.error());
    WatchStreamEvent event;
    const QString type = root->value(QLatin1String("type")).toString();
    const QJsonObject object = root->value(QLatin1String("object")).toObject();
    if (type == QLatin1String("ADDED"))
        event.type = WatchStreamEvent::Type::Added;
    else if (type == QLatin1String("MODIFIED"))
        event.type = WatchStreamEvent::Type::Modified;
    else if (type == QLatin1String("DELETED"))
        event.type = WatchStreamEvent::Type::Deleted;
    else if (type == QLatin1String("BOOKMARK"))
        event.type = WatchStreamEvent::Type::Bookmark;
    else if (type == QLatin1String("ERROR"))
        event.type = WatchStreamEvent::Type::Error;
    else
        return fail(Error::parse(QStringLiteral("watch event"), 0, 0,
                                 QStringLiteral("unknown watch event type \"%1\"").arg(type)));

    if (event.type == WatchStreamEvent::Type::Error) {
        // The object of an ERROR event is a metav1.Status; its metadata has no usable
        // resourceVersion (headlamp's KubeList reducer and client-go both ignore it).
        event.error = decodeStatus(object);
        if (event.error.message.isEmpty() && event.error.httpStatus == 0)
            event.error.message = QStringLiteral("watch error");
        return event;
    }
    const QString kind = object.value(QLatin1String("kind")).toString();
    const QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
    event.resourceVersion = meta.value(QLatin1String("resourceVersion")).toString();
    if (kind == QLatin1String("Table")
        && object.value(QLatin1String("apiVersion")).toString().startsWith(QLatin1String("meta.k8s.io/"))) {
        event.columns = decodeTableColumns(object.value(QLatin1String("columnDefinitions")));
        if (event.type != WatchStreamEvent::Type::Bookmark)
            decodeTableRows(object, event.columns, &event.objects);
        if (!event.objects.empty() && !event.objects.front().metadata.resourceVersion.isEmpty())
            event.resourceVersion = event.objects.front().metadata.resourceVersion;
        return event;
    }
    if (event.type != WatchStreamEvent::Type::Bookmark) {
        ResourceObject o;
        o.metadata = ObjectMeta::fromJson(meta);
        event.objects.push_back(std::move(o));
    }
    return event;
}

} // namespace Qluster
