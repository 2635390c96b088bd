#pragma once
// A TCP proxy in front of the test cluster's Unix socket that cuts the client's connection right
// after forwarding its first COMMIT: the server receives and runs the COMMIT, the client never
// gets the answer. The reliable way to lose a connection *at* COMMIT after it went through.
#include <QByteArray>
#include <QHostAddress>
#include <QLocalSocket>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>

namespace uaip::test {

class CommitCutProxy : public QObject
{
public:
    // serverSocket: the cluster's Unix socket file (<socket dir>/.s.PGSQL.<port>).
    explicit CommitCutProxy(const QString &serverSocket)
        : m_serverSocket(serverSocket)
    {
        connect(&m_listener, &QTcpServer::newConnection, this, &CommitCutProxy::accept);
        m_listener.listen(QHostAddress::LocalHost, 0);
    }

    quint16 port() const { return m_listener.serverPort(); }
    int cuts() const { return m_cuts; }

private:
    void accept()
    {
        while (QTcpSocket *client = m_listener.nextPendingConnection()) {
            auto *server = new QLocalSocket(this);
            client->setParent(this);
            server->connectToServer(m_serverSocket);
            if (!server->waitForConnected(5000)) {
                client->abort();
                continue;
            }
            auto cut = std::make_shared<bool>(false);
            connect(client, &QTcpSocket::readyRead, this, [this, client, server, cut] {
                const QByteArray data = client->readAll();
                server->write(data);
                server->flush();
                if (!m_armed || !data.contains(QByteArray("COMMIT\0", 7)))
                    return;
                m_armed = false;
                ++m_cuts;
                *cut = true;
                client->abort(); // the answer never reaches the client
            });
            connect(server, &QLocalSocket::readyRead, this, [client, server, cut] {
                const QByteArray data = server->readAll();
                if (*cut)
                    server->disconnectFromServer(); // the server answered: it ran the COMMIT
                else
                    client->write(data);
            });
            connect(client, &QTcpSocket::disconnected, server, [server, cut] {
                if (!*cut)
                    server->disconnectFromServer();
            });
        }
    }

    QString m_serverSocket;
    QTcpServer m_listener;
    bool m_armed = true;
    int m_cuts = 0;
};

} // namespace uaip::test
