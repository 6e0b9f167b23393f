<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ClusterSession</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 · Kubernetes %2 · %3</source>
        <translation>%1 · Kubernetes %2 · %3</translation>
    </message>
    <message>
        <source>(unknown version)</source>
        <translation>（未知版本）</translation>
    </message>
    <message>
        <source>No context is open.</source>
        <translation>没有打开的上下文。</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Qluster: a desktop explorer for Kubernetes clusters.</source>
        <translation>Qluster：Kubernetes 集群桌面浏览器。</translation>
    </message>
    <message>
        <source>Read this kubeconfig file instead of KUBECONFIG or ~/.kube/config.</source>
        <translation>读取此 kubeconfig 文件，而不是 KUBECONFIG 或 ~/.kube/config。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Open this kubeconfig context instead of the current one.</source>
        <translation>打开此 kubeconfig 上下文，而不是当前上下文。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Show this namespace instead of the context&apos;s.</source>
        <translation>显示此命名空间，而不是上下文的命名空间。</translation>
    </message>
    <message>
        <source>Open the built-in sandbox cluster (no kubeconfig needed).</source>
        <translation>打开内置的沙箱集群（无需 kubeconfig）。</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>显示此帮助并退出。</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>显示版本并退出。</translation>
    </message>
    <message>
        <source>Unexpected argument &apos;%1&apos;; see --help.</source>
        <translation>意外的参数“%1”；请参阅 --help。</translation>
    </message>
    <message>
        <source>--kubeconfig needs a file name.</source>
        <translation>--kubeconfig 需要一个文件名。</translation>
    </message>
    <message>
        <source>--context needs a context name.</source>
        <translation>--context 需要一个上下文名称。</translation>
    </message>
    <message>
        <source>--namespace &apos;%1&apos; is not a valid namespace name (lower-case letters, digits and &apos;-&apos;, at most 63 characters).</source>
        <translation>--namespace “%1” 不是有效的命名空间名称（小写字母、数字和“-”，最多 63 个字符）。</translation>
    </message>
    <message>
        <source>--demo opens the built-in sandbox; it cannot be combined with --kubeconfig.</source>
        <translation>--demo 打开内置沙箱，不能与 --kubeconfig 同时使用。</translation>
    </message>
</context>
<context>
    <name>Qluster::ResourceCache</name>
    <message>
        <source>the watch was silent for %1 s (a lost connection?); watching again from resourceVersion %2</source>
        <translation>监视已静默 %1 秒（连接丢失？）；从 resourceVersion %2 重新监视</translation>
    </message>
</context>
<context>
    <name>Qluster::Ui::AboutDialog</name>
    <message>
        <source>not available</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>Qluster %1</source>
        <translation>Qluster %1</translation>
    </message>
    <message>
        <source>Qt %1 (built with %2)</source>
        <translation>Qt %1（构建于 %2）</translation>
    </message>
    <message>
        <source>TLS: %1</source>
        <translation>TLS：%1</translation>
    </message>
    <message>
        <source>System: %1 (%2)</source>
        <translation>系统：%1（%2）</translation>
    </message>
    <message>
        <source>About Qluster</source>
        <translation>关于 Qluster</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Qluster&lt;/h2&gt;&lt;p&gt;A native desktop explorer for Kubernetes clusters.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Qluster&lt;/h2&gt;&lt;p&gt;原生桌面 Kubernetes 集群浏览器。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Syntax highlighting: %1</source>
        <translation>语法高亮：%1</translation>
    </message>
</context>
<context>
    <name>Qluster::Ui::ContextListModel</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Cluster: %1
User: %2
Namespace: %3
Server: %4</source>
        <translation>集群：%1
用户：%2
命名空间：%3
服务器：%4</translation>
    </message>
    <message>
        <source>default (not set)</source>
        <translation>default（未设置）</translation>
    </message>
</context>
<context>
    <name>Qluster::Ui::MainWindow</name>
    <message>
        <source>Qluster</source>
        <translation>Qluster</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Qluster</source>
        <translation>关于 Qluster(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>上下文：</translation>
    </message>
    <message>
        <source>No kubeconfig contexts</source>
        <translation>没有 kubeconfig 上下文</translation>
    </message>
    <message>
        <source>The kubeconfig context to explore</source>
        <translation>要浏览的 kubeconfig 上下文</translation>
    </message>
    <message>
        <source>Namespace:</source>
        <translation>命名空间：</translation>
    </message>
    <message>
        <source>Pick a namespace, or type one and press Enter</source>
        <translation>选择一个命名空间，或输入名称后按回车</translation>
    </message>
    <message>
        <source>You may not list namespaces in this cluster: type one and press Enter</source>
        <translation>您无权列出此集群的命名空间：请输入一个后按回车</translation>
    </message>
    <message>
        <source>All namespaces</source>
        <translation>所有命名空间</translation>
    </message>
    <message>
        <source>Filter kinds (name, short name, group)</source>
        <translation>筛选类型（名称、简称、组）</translation>
    </message>
    <message>
        <source>No resource selected</source>
        <translation>未选择资源</translation>
    </message>
    <message>
        <source>Pick a context in the toolbar, then choose a kind such as Pods in the tree on the left to list its objects here. No cluster? Start Qluster with --demo.</source>
        <translation>在工具栏中选择一个上下文，然后在左侧树中选择一种类型（例如 Pods），即可在此列出其对象。没有集群？使用 --demo 启动 Qluster。</translation>
    </message>
    <message>
        <source>Select an object in the table to see it here.</source>
        <translation>在表格中选择一个对象即可在此查看。</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>未选择任何内容</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid namespace name: use lower-case letters, digits and &apos;-&apos;.</source>
        <translation>“%1” 不是有效的命名空间名称：请使用小写字母、数字和“-”。</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>已连接：%1</translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation>连接失败：%1</translation>
    </message>
    <message>
        <source>No cluster</source>
        <translation>没有集群</translation>
    </message>
    <message>
        <source>Choose a context in the toolbar: its resource kinds appear here.</source>
        <translation>在工具栏中选择一个上下文，其资源类型将显示在这里。</translation>
    </message>
    <message>
        <source>⚠ TLS verification is off for this cluster (insecure-skip-tls-verify)</source>
        <translation>⚠ 此集群已关闭 TLS 校验（insecure-skip-tls-verify）</translation>
    </message>
    <message>
        <source>⚠ The connection to this cluster is not encrypted (plain http)</source>
        <translation>⚠ 与此集群的连接未加密（明文 http）</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Cannot connect</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Reading the cluster&apos;s API resources…</source>
        <translation>正在读取集群的 API 资源…</translation>
    </message>
    <message>
        <source>Filter rows</source>
        <translation>筛选行</translation>
    </message>
    <message>
        <source>Label selector, e.g. app=web,tier notin (db)</source>
        <translation>标签选择器，例如 app=web,tier notin (db)</translation>
    </message>
    <message>
        <source>&amp;Cluster</source>
        <translation>集群(&amp;C)</translation>
    </message>
    <message>
        <source>Make This &amp;kubectl&apos;s Current Context</source>
        <translation>设为 &amp;kubectl 的当前上下文</translation>
    </message>
    <message>
        <source>Write the shown context into the kubeconfig as current-context, as `kubectl config use-context` does</source>
        <translation>像 `kubectl config use-context` 一样，将显示的上下文写入 kubeconfig 的 current-context</translation>
    </message>
</context>
<context>
    <name>Qluster::Ui::ObjectOverview</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>API version</source>
        <translation>API 版本</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>UID</source>
        <translation>UID</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Resource version</source>
        <translation>资源版本</translation>
    </message>
    <message>
        <source>Deleting since</source>
        <translation>删除开始于</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>注解</translation>
    </message>
    <message>
        <source>Owner references</source>
        <translation>所有者引用</translation>
    </message>
    <message>
        <source>controller</source>
        <translation>控制器</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>状况</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Last transition</source>
        <translation>最近变更</translation>
    </message>
</context>
<context>
    <name>Qluster::Ui::ResourceBrowser</name>
    <message>
        <source>Select an object in the table to see it here.</source>
        <translation>在表格中选择一个对象即可在此查看。</translation>
    </message>
    <message>
        <source>Listing %1…</source>
        <translation>正在列出 %1…</translation>
    </message>
    <message>
        <source>Reconnecting to %1: %2</source>
        <translation>正在重新连接 %1：%2</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>The server does not serve %1 in %2: the owner cannot be shown.</source>
        <translation>服务器不提供 %2 中的 %1：无法显示其所有者。</translation>
    </message>
    <message>
        <source>Show Secret Values</source>
        <translation>显示 Secret 的值</translation>
    </message>
    <message>
        <source>This Secret&apos;s data is hidden; show it in this view</source>
        <translation>此 Secret 的数据已隐藏；在此视图中显示</translation>
    </message>
    <message>
        <source>in any namespace</source>
        <translation>（所有命名空间）</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>（命名空间 %1）</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>无权访问</translation>
    </message>
    <message>
        <source>You may not list %1 %2. The server said: %3</source>
        <translation>你无权列出 %1 %2。服务器返回：%3</translation>
    </message>
</context>
<context>
    <name>Qluster::Ui::ResourceTableModel</name>
    <message>
        <source>Namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>存在时间</translation>
    </message>
</context>
<context>
    <name>Qluster::Ui::ResourceTreeModel</name>
    <message>
        <source>Workloads</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Config &amp; Storage</source>
        <translation>配置与存储</translation>
    </message>
    <message>
        <source>Access Control</source>
        <translation>访问控制</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>Custom Resources</source>
        <translation>自定义资源</translation>
    </message>
    <message>
        <source>%1 (stale)</source>
        <translation>%1（已过时）</translation>
    </message>
    <message>
        <source>Short names: %1</source>
        <translation>简称：%1</translation>
    </message>
    <message>
        <source>Namespaced</source>
        <translation>命名空间级</translation>
    </message>
    <message>
        <source>Cluster-scoped</source>
        <translation>集群级</translation>
    </message>
    <message>
        <source>Discovery marks this group-version stale: its server did not answer.</source>
        <translation>发现服务将此组版本标记为过时：其服务器没有响应。</translation>
    </message>
</context>
<context>
    <name>Qluster::Ui::SessionController</name>
    <message>
        <source>You may not list namespaces in this cluster: type the one you want.</source>
        <translation>你无权列出此集群的命名空间：请直接输入所需的命名空间。</translation>
    </message>
    <message>
        <source>No contexts in %1. Add a cluster with kubectl, or start Qluster with --demo to explore the built-in sandbox cluster.</source>
        <translation>%1 中没有上下文。请用 kubectl 添加集群，或使用 --demo 启动 Qluster 来浏览内置的沙箱集群。</translation>
    </message>
    <message>
        <source>Reading the API resources failed: %1</source>
        <translation>读取 API 资源失败：%1</translation>
    </message>
    <message>
        <source>Could not make %1 kubectl&apos;s current context: %2</source>
        <translation>无法将 %1 设为 kubectl 的当前上下文：%2</translation>
    </message>
    <message>
        <source>kubectl&apos;s current context is now %1.</source>
        <translation>kubectl 的当前上下文现在是 %1。</translation>
    </message>
</context>
<context>
    <name>Qluster::Ui::YamlEditor</name>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>%1 at column %2: %3</source>
        <translation>%1（第 %2 列）：%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
</TS>
