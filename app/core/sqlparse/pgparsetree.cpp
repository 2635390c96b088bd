#include "pgparsetree.h"

#include "expressiondepth.h"
#include "largestackworker.h"
#include "pgtreewalk.h"
#include "protobufarena.h"

#include <QScopeGuard>

#include <pg_query.h>

#include <atomic>
#include <memory>

namespace uaip {

struct PgParseTree::Data
{
    ProtobufArena arena;
    PgQuery__ParseResult *result = nullptr;
    QByteArray text;
    QString errorMessage;
    int errorCursor = 0;
};

PgParseTree::PgParseTree() = default;
PgParseTree::PgParseTree(PgParseTree &&) noexcept = default;
PgParseTree &PgParseTree::operator=(PgParseTree &&) noexcept = default;
PgParseTree::~PgParseTree() = default;

namespace {

std::atomic<quint64> g_parses{0};

} // namespace

quint64 PgParseTree::parseCount()
{
    return g_parses.load(std::memory_order_relaxed);
}

PgParseTree PgParseTree::parse(const QByteArray &text)
{
    g_parses.fetch_add(1, std::memory_order_relaxed);
    PgQueryProtobufParseResult parse = ExpressionDepth::parseProtobuf(text.constData());
    const auto freeParse = qScopeGuard([&parse] { pg_query_free_protobuf_parse_result(parse); });
    PgParseTree out;
    if (parse.error) {
        out.d = std::make_unique<Data>();
        out.d->errorMessage = QString::fromUtf8(parse.error->message);
        out.d->errorCursor = parse.error->cursorpos;
    } else {
        out = fromProtobuf(
            QByteArray::fromRawData(parse.parse_tree.data, qsizetype(parse.parse_tree.len)));
    }
    out.d->text = text;
    return out;
}

PgParseTree PgParseTree::fromProtobuf(const QByteArray &encoded)
{
    PgParseTree out;
    out.d = std::make_unique<Data>();
    Data *d = out.d.get();
    const auto unpack = [d, &encoded] {
        d->result = pg_query__parse_result__unpack(
            d->arena.allocator(), size_t(encoded.size()),
            reinterpret_cast<const uint8_t *>(encoded.constData()));
    };
    if (size_t(encoded.size()) < threadFrom) {
        unpack();
    } else {
        LargeStackWorker::run(unpack);
    }
    if (!d->result)
        d->errorMessage = QStringLiteral("libpg_query's parse tree could not be read");
    return out;
}

bool PgParseTree::ok() const
{
    return d && d->result;
}

QString PgParseTree::errorMessage() const
{
    return d ? d->errorMessage : QString();
}

int PgParseTree::errorCursor() const
{
    return d ? d->errorCursor : 0;
}

TextPosition PgParseTree::errorPosition() const
{
    if (!d || d->errorCursor <= 0)
        return {};
    // the cursor counts characters: the byte offset of that character
    int characters = 1;
    int at = 0;
    for (; at < d->text.size(); ++at) {
        if ((uchar(d->text.at(at)) & 0xC0) == 0x80)
            continue;
        if (characters == d->errorCursor)
            break;
        ++characters;
    }
    return TextPosition::fromOffset(d->text, at);
}

QList<PgStatementNode> PgParseTree::statements() const
{
    QList<PgStatementNode> out;
    if (!ok())
        return out;
    for (size_t i = 0; i < d->result->n_stmts; ++i) {
        const PgQuery__RawStmt *raw = d->result->stmts[i];
        out.append({raw->stmt, raw->stmt_location, raw->stmt_len});
    }
    return out;
}

const PgQuery__ParseResult *PgParseTree::result() const
{
    return d ? d->result : nullptr;
}

PgQuery__ParseResult *PgParseTree::mutableResult()
{
    return d ? d->result : nullptr;
}

PgParseTree PgParseTree::copy() const
{
    if (!d)
        return {};
    PgParseTree out;
    if (d->result) {
        out = fromProtobuf(encoded());
    } else {
        out.d = std::make_unique<Data>();
        out.d->errorMessage = d->errorMessage;
        out.d->errorCursor = d->errorCursor;
    }
    out.d->text = d->text;
    return out;
}

QByteArray PgParseTree::encoded() const
{
    QByteArray packed(qsizetype(pg_query__parse_result__get_packed_size(d->result)),
                      Qt::Uninitialized);
    pg_query__parse_result__pack(d->result, reinterpret_cast<uint8_t *>(packed.data()));
    return packed;
}

QByteArray PgParseTree::shape() const
{
    PgParseTree copy = fromProtobuf(encoded());
    if (!copy.ok())
        return {};
    // the copy is this function's own: its messages may be written through
    PgTreeWalk::each(&copy.mutableResult()->base, [](const ProtobufCMessage *message) {
        const ProtobufCMessageDescriptor *descriptor = message->descriptor;
        for (unsigned i = 0; i < descriptor->n_fields; ++i) {
            const ProtobufCFieldDescriptor &field = descriptor->fields[i];
            const QByteArrayView name(field.name);
            if (field.type == PROTOBUF_C_TYPE_INT32 && field.label != PROTOBUF_C_LABEL_REPEATED
                && (name == "location" || name == "stmt_location" || name == "stmt_len"))
                *reinterpret_cast<int32_t *>(
                    reinterpret_cast<char *>(const_cast<ProtobufCMessage *>(message))
                    + field.offset)
                    = 0;
        }
        return true;
    });
    return copy.encoded();
}

Result<QByteArray> PgParseTree::deparse() const
{
    if (!ok())
        return Error(ErrorCode::BadInput, errorMessage());
    QByteArray packed = encoded();
    const PgQueryDeparseResult out
        = pg_query_deparse_protobuf({size_t(packed.size()), packed.data()});
    const auto freeOut = qScopeGuard([&out] { pg_query_free_deparse_result(out); });
    if (out.error)
        return Error(ErrorCode::Internal, QString::fromUtf8(out.error->message));
    const QByteArray text(out.query);
    // libpg_query 15-4.0 leaves some names unquoted (an index's or a constraint's name, a named
    // argument): text that does not parse back to this very tree is never handed out.
    const PgParseTree back = parse(text);
    if (!back.ok() || back.shape() != shape()) {
        const QString written = QString::fromUtf8(text.left(200));
        return Error(ErrorCode::Internal,
                     QStringLiteral("libpg_query writes this statement back as other SQL (a name "
                                    "it does not quote?): %1")
                         .arg(written),
                     {{QStringLiteral("sql"), written}});
    }
    return text;
}

} // namespace uaip
