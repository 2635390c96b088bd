// uaip-test: no database (a pure test: CTest runs it without the PostgreSQL fixture)
// PromptEnvelope and KeyFile without a database: AES-256-GCM round trips, a fresh nonce per
// seal, and every kind of damage (wrong key, tampered ciphertext / tag / nonce, wrong
// associated data, malformed text, unknown version) is a clear error value, never text.
#include "crypto/aesgcm.h"
#include "crypto/cryptofailure.h"
#include "crypto/datakey.h"
#include "crypto/keyfile.h"
#include "crypto/promptenvelope.h"
#include "pseudotranslator.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace uaip;

namespace {

const QString kPrompt = QStringLiteral("8b0e7a4e-3c1f-4c55-9f0e-1d2c3b4a5f60");

// Replaces field i (0-based, of the 6 ':'-separated fields) of an envelope.
QString withField(const QString &envelope, int i, const QString &value)
{
    QStringList parts = envelope.split(u':');
    parts[i] = value;
    return parts.join(u':');
}

// Flips one bit of the base64url field i of an envelope (decoded, flipped, encoded again).
QString flipBit(const QString &envelope, int i)
{
    constexpr auto b64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
    QByteArray bytes = QByteArray::fromBase64(envelope.split(u':').at(i).toLatin1(), b64);
    bytes[0] = char(bytes[0] ^ 0x01);
    return withField(envelope, i, QString::fromLatin1(bytes.toBase64(b64)));
}

KeyFile::Kdf fastKdf()
{
    KeyFile::Kdf k;
    k.n = 1 << 14; // the smallest the reader accepts: keeps the test quick
    return k;
}

} // namespace

class TstPromptEnvelope : public QObject
{
    Q_OBJECT

private slots:
    void dataKeyIdIsDerived()
    {
        const DataKey a = DataKey::generate();
        const DataKey b = DataKey::generate();
        QVERIFY(a.isValid() && b.isValid());
        QVERIFY(a.bytes() != b.bytes());
        QCOMPARE(a.id().size(), 16);
        QCOMPARE(a.id(), DataKey::idOf(a.bytes()));
        QVERIFY(a.id() != b.id());
        QVERIFY(!DataKey::fromBytes(QByteArray(31, 'x')).isValid());
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("ascii") << QStringLiteral("You are a reference coach. Answer {{question}}.");
        QTest::newRow("empty") << QString();
        QTest::newRow("unicode") << QStringLiteral("Grüße, 你好, 🙂\nzweite Zeile\tTab");
        QTest::newRow("colons") << QStringLiteral("uaipenc:1:looks:like:an:envelope");
        QTest::newRow("100 KB") << QString(100 * 1024, u'x');
    }
    void roundTrip()
    {
        QFETCH(QString, text);
        const DataKey key = DataKey::generate();
        const Result<QString> sealed = PromptEnvelope::seal(key, text, kPrompt, 3);
        QVERIFY2(sealed.ok(), qPrintable(sealed.ok() ? QString() : sealed.error().toString()));
        QVERIFY(PromptEnvelope::isEnvelope(*sealed));
        QVERIFY(sealed->startsWith(QStringLiteral("uaipenc:1:") + key.id() + u':'));
        QCOMPARE(PromptEnvelope::keyIdOf(*sealed), key.id());
        if (text.size() > 8 && !PromptEnvelope::isEnvelope(text))
            QVERIFY(!sealed->contains(text.left(8)));
        const Result<QString> opened = PromptEnvelope::open(key, *sealed, kPrompt, 3);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
        QCOMPARE(*opened, text);
    }

    void nonceIsFreshEverySeal()
    {
        const DataKey key = DataKey::generate();
        const QString a = PromptEnvelope::seal(key, QStringLiteral("same"), kPrompt, 1).value();
        const QString b = PromptEnvelope::seal(key, QStringLiteral("same"), kPrompt, 1).value();
        QVERIFY(a.split(u':').at(3) != b.split(u':').at(3));
        QVERIFY(a != b);
    }

    // The documented format, opened with nothing but OpenSSL and the README's recipe.
    void formatIsTheDocumentedOne()
    {
        const DataKey key = DataKey::generate();
        const QString env = PromptEnvelope::seal(key, QStringLiteral("hello"), kPrompt, 7).value();
        const QStringList f = env.split(u':');
        QCOMPARE(f.size(), 6);
        QCOMPARE(f.at(0), QStringLiteral("uaipenc"));
        QCOMPARE(f.at(1), QStringLiteral("1"));
        constexpr auto b64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
        AesGcm::Sealed s{QByteArray::fromBase64(f.at(3).toLatin1(), b64),
                         QByteArray::fromBase64(f.at(4).toLatin1(), b64),
                         QByteArray::fromBase64(f.at(5).toLatin1(), b64)};
        QCOMPARE(s.nonce.size(), 12);
        QCOMPARE(s.tag.size(), 16);
        QCOMPARE(s.ciphertext.size(), 5);
        const QByteArray aad = QStringLiteral("uaipenc:1:%1:%2:7").arg(key.id(), kPrompt).toUtf8();
        const Result<QByteArray> r = AesGcm::open(key.bytes(), s, aad);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(*r, QByteArray("hello"));
    }

    void damageIsAnError_data()
    {
        QTest::addColumn<int>("damage");
        QTest::addColumn<QString>("expected"); // the CryptoFailure kind
        QTest::addColumn<int>("code"); // ErrorCode
        const QString wrongKey = CryptoFailure::kWrongKey;
        const QString tag = CryptoFailure::kAuthenticationFailed;
        const QString malformed = CryptoFailure::kMalformed;
        const int refused = int(ErrorCode::Refused), bad = int(ErrorCode::BadInput);
        QTest::newRow("wrong key") << 0 << wrongKey << refused;
        QTest::newRow("other key with the same id field") << 1 << tag << refused;
        QTest::newRow("tampered ciphertext") << 2 << tag << refused;
        QTest::newRow("tampered tag") << 3 << tag << refused;
        QTest::newRow("tampered nonce") << 4 << tag << refused;
        QTest::newRow("other prompt id (AAD)") << 5 << tag << refused;
        QTest::newRow("other version (AAD)") << 6 << tag << refused;
        QTest::newRow("truncated") << 7 << malformed << bad;
        QTest::newRow("not base64url") << 8 << malformed << bad;
        QTest::newRow("short tag") << 9 << malformed << bad;
        QTest::newRow("version 2") << 10 << QString(CryptoFailure::kUnsupportedVersion) << bad;
        QTest::newRow("plain text") << 11 << malformed << bad;
    }
    void damageIsAnError()
    {
        QFETCH(int, damage);
        QFETCH(QString, expected);
        QFETCH(int, code);
        const DataKey key = DataKey::generate();
        const DataKey other = DataKey::generate();
        const QString secret = QStringLiteral("the secret system prompt");
        QString env = PromptEnvelope::seal(key, secret, kPrompt, 2).value();
        DataKey opener = key;
        QString prompt = kPrompt;
        int version = 2;
        switch (damage) {
        case 0:
            opener = other;
            break;
        case 1:
            env = withField(env, 2, other.id());
            opener = other;
            break;
        case 2:
            env = flipBit(env, 4);
            break;
        case 3:
            env = flipBit(env, 5);
            break;
        case 4:
            env = flipBit(env, 3);
            break;
        case 5:
            prompt = QStringLiteral("00000000-0000-0000-0000-000000000000");
            break;
        case 6:
            version = 3;
            break;
        case 7:
            env = env.section(u':', 0, 4);
            break;
        case 8:
            env = withField(env, 4, QStringLiteral("a+b/c="));
            break;
        case 9:
            env = withField(env, 5, QStringLiteral("AAAA"));
            break;
        case 10:
            env = withField(env, 1, QStringLiteral("2"));
            break;
        case 11:
            env = secret;
            break;
        }
        const Result<QString> r = PromptEnvelope::open(opener, env, prompt, version);
        QVERIFY(!r.ok());
        QCOMPARE(CryptoFailure::kindOf(r.error()), expected);
        QCOMPARE(int(r.error().code()), code);
        QVERIFY(!r.error().text().isEmpty());
        QVERIFY2(r.error().text().contains(prompt), qPrintable(r.error().text())); // names it
    }

    void errorsAreTranslated()
    {
        // Each message through tr() in the context the .ts file has, as one sentence with the
        // prompt and version filled in; the envelope prefix stays as it is.
        test::PseudoTranslator translator("uaip::PromptEnvelope");
        QVERIFY(QCoreApplication::installTranslator(&translator));
        const DataKey key = DataKey::generate();
        const Result<QString> r
            = PromptEnvelope::open(key, QStringLiteral("plain text"), QStringLiteral("p-1"), 4);
        QVERIFY(!r.ok());
        QCOMPARE(CryptoFailure::kindOf(r.error()), QString(CryptoFailure::kMalformed));
        QCOMPARE(r.error().text(),
                 QStringLiteral("«the encrypted text of prompt p-1 version 4 is not an envelope "
                                "(no \"uaipenc:\" prefix)»"));
        const Result<QString> sealed
            = PromptEnvelope::seal(key, QStringLiteral("secret"), QStringLiteral("p-1"), 4);
        QVERIFY2(sealed.ok(), qPrintable(sealed.ok() ? QString() : sealed.error().toString()));
        QVERIFY(sealed->startsWith(QStringLiteral("uaipenc:1:")));
    }

    void keyFileRoundTrip()
    {
        const DataKey key = DataKey::generate();
        const QString pass = QStringLiteral("correct horse battery staple");
        const Result<QByteArray> file = KeyFile::wrap(key, pass, fastKdf());
        QVERIFY2(file.ok(), qPrintable(file.ok() ? QString() : file.error().toString()));
        QVERIFY(!file->contains(key.bytes().toBase64()));
        QVERIFY(!file->contains(
            key.bytes().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
        QVERIFY(!file->contains(key.bytes().toHex()));
        const QJsonObject o = QJsonDocument::fromJson(*file).object();
        QCOMPARE(o.value(QStringLiteral("key_id")).toString(), key.id());
        QCOMPARE(o.value(QStringLiteral("kdf")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("scrypt"));
        const Result<QByteArray> back = KeyFile::unwrap(*file, pass);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
        QCOMPARE(*back, key.bytes());
    }

    void keyFileDefaultsToAStrongKdf()
    {
        const Result<QByteArray> file
            = KeyFile::wrap(DataKey::generate(), QStringLiteral("a long passphrase"));
        QVERIFY(file.ok());
        const QJsonObject kdf
            = QJsonDocument::fromJson(*file).object().value(QStringLiteral("kdf")).toObject();
        QCOMPARE(kdf.value(QStringLiteral("n")).toInteger(), qint64(1) << 17);
        QCOMPARE(kdf.value(QStringLiteral("r")).toInt(), 8);
    }

    void keyFileDamage()
    {
        const DataKey key = DataKey::generate();
        const QString pass = QStringLiteral("correct horse battery staple");
        const QString wrongPassphrase = CryptoFailure::kWrongPassphrase;
        const QString malformed = CryptoFailure::kMalformed;
        const QByteArray file = KeyFile::wrap(key, pass, fastKdf()).value();
        Result<QByteArray> r
            = KeyFile::unwrap(file, QStringLiteral("Correct horse battery staple"));
        QVERIFY(!r.ok());
        QCOMPARE(CryptoFailure::kindOf(r.error()), wrongPassphrase);
        QCOMPARE(r.error().code(), ErrorCode::Refused);

        QJsonObject o = QJsonDocument::fromJson(file).object();
        QJsonObject changed = o;
        changed[QStringLiteral("key_id")] = DataKey::generate().id(); // AAD mismatch
        r = KeyFile::unwrap(QJsonDocument(changed).toJson(), pass);
        QCOMPARE(CryptoFailure::kindOf(r.error()), wrongPassphrase);

        changed = o;
        QJsonObject kdf = changed.value(QStringLiteral("kdf")).toObject();
        kdf[QStringLiteral("n")] = qint64(1) << 30; // a hostile cost
        changed[QStringLiteral("kdf")] = kdf;
        r = KeyFile::unwrap(QJsonDocument(changed).toJson(), pass);
        QCOMPARE(CryptoFailure::kindOf(r.error()), malformed);
        QCOMPARE(r.error().code(), ErrorCode::BadInput);

        r = KeyFile::unwrap("{not json", pass);
        QCOMPARE(CryptoFailure::kindOf(r.error()), malformed);
        QVERIFY(r.error().text().contains(QStringLiteral("offset")));

        QCOMPARE(KeyFile::checkPassphrase(QStringLiteral("short")).error().code(),
                 ErrorCode::BadInput);
        QVERIFY(KeyFile::checkPassphrase(pass).ok());
    }
};

QTEST_GUILESS_MAIN(TstPromptEnvelope)
#include "tst_promptenvelope.moc"
