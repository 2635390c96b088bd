# Fails when product code spells a transaction-control command anywhere but in the one
# transaction type, app/core/db/transaction.cpp (Transaction: its begin/commit/rollback, its
# savepoints, and the command texts it gives the engines that pipeline a whole transaction):
#   - in app/ and ui/ *.cpp and *.h, a C++ string literal ("..." or R"(...)", after blanks or
#     escaped \n \r \t) that starts with BEGIN, ROLLBACK, COMMIT, SAVEPOINT, RELEASE, START
#     TRANSACTION, SET TRANSACTION, PREPARE TRANSACTION, ABORT or END (upper case, as the
#     project writes SQL in C++; lower case would be prose, file names, JSON values); comments
#     are skipped. Not seen: a command put together from pieces ("COM" "MIT");
#   - in app/ and ui/ *.sql, in any case and indentation, a resource whose first statement
#     starts with one of those words, or a line that starts with one of them (not END) and ends
#     a statement (";"); a DO block's BEGIN is neither.
# The exceptions (prose in tr(), the statements of a user's script that the checkers classify)
# are listed in ALLOW, one a line: "<file> | <text on the line> | <why it may stay>" (text "*":
# every line of the file). An entry that matches nothing fails the check too, so the list stays
# true. Run by the target
# uaip_transaction_literals on every build:
#   cmake -DROOT=<source dir> -DALLOW=<allow-list> -P cmake/check_transaction_literals.cmake
if(NOT ROOT OR NOT ALLOW)
    message(FATAL_ERROR "check_transaction_literals: pass -DROOT=<source dir> -DALLOW=<file>")
endif()
set(words "BEGIN|ROLLBACK|COMMIT|SAVEPOINT|RELEASE[ \t]|START[ \t]+TRANSACTION|SET[ \t]+TRANSACTION|ABORT|PREPARE[ \t]+TRANSACTION")
# a literal's opening: "..." or a raw R"delim(...)", then blanks or escaped \n \r \t
set(opening "(\"|R\"[^(\" ]*\\()([ \t]|\\\\[nrt])*")
set(literal "${opening}(${words}|END[ \t\";]|END$)")
set(statement "^[ \t]*(${words}|END)([ \t]|$)")
set(ended "^[ \t]*(${words})[^;]*;")

# The allow-list: parallel lists of file, text and whether the entry matched.
set(allowFiles "")
set(allowTexts "")
set(allowUsed "")
set(problems "")
file(STRINGS ${ALLOW} entries)
foreach(entry IN LISTS entries)
    if(entry MATCHES "^[ \t]*(#|$)")
        continue()
    endif()
    if(NOT entry MATCHES "^([^|]+)\\|([^|]+)\\|(.+)$")
        string(APPEND problems "\n  ${ALLOW}: not \"<file> | <text> | <why>\": ${entry}")
        continue()
    endif()
    string(STRIP "${CMAKE_MATCH_1}" allowedFile)
    string(STRIP "${CMAKE_MATCH_2}" allowedText)
    list(APPEND allowFiles "${allowedFile}")
    list(APPEND allowTexts "${allowedText}")
    list(APPEND allowUsed 0)
endforeach()
list(LENGTH allowFiles allowCount)

# Whether file's line is allowed (allowed in the caller); marks the entry used.
function(check_allowed file line)
    set(allowed FALSE PARENT_SCOPE)
    if(allowCount EQUAL 0)
        return()
    endif()
    math(EXPR last "${allowCount} - 1")
    foreach(i RANGE ${last})
        list(GET allowFiles ${i} allowedFile)
        list(GET allowTexts ${i} allowedText)
        string(FIND "${line}" "${allowedText}" at)
        if(allowedFile STREQUAL "${file}" AND (at GREATER -1 OR allowedText STREQUAL "*"))
            set(allowed TRUE PARENT_SCOPE)
            list(REMOVE_AT allowUsed ${i})
            list(INSERT allowUsed ${i} 1)
            set(allowUsed "${allowUsed}" PARENT_SCOPE)
        endif()
    endforeach()
endfunction()

file(GLOB_RECURSE sources RELATIVE ${ROOT}
     ${ROOT}/app/*.cpp ${ROOT}/app/*.h ${ROOT}/ui/*.cpp ${ROOT}/ui/*.h)
foreach(file IN LISTS sources)
    if(file STREQUAL "app/core/db/transaction.cpp")
        continue()
    endif()
    # a line holding ";" comes as several pieces: each is matched on its own
    file(STRINGS ${ROOT}/${file} lines REGEX "${literal}")
    foreach(line IN LISTS lines)
        string(STRIP "${line}" line)
        # a comment closed on the line goes; a line that is (the rest of) a comment is skipped
        string(REGEX REPLACE "/\\*([^*]|\\*+[^*/])*\\*+/" "" code "${line}")
        string(REGEX REPLACE "[ \t]//.*$" "" code "${code}")
        string(STRIP "${code}" code)
        if(code MATCHES "^(//|/\\*|\\*)" OR NOT code MATCHES "${literal}")
            continue()
        endif()
        check_allowed("${file}" "${line}")
        if(NOT allowed)
            string(APPEND problems "\n  ${file}: ${line}")
        endif()
    endforeach()
endforeach()

file(GLOB_RECURSE resources RELATIVE ${ROOT} ${ROOT}/app/*.sql ${ROOT}/ui/*.sql)
foreach(file IN LISTS resources)
    file(STRINGS ${ROOT}/${file} lines)
    set(first TRUE)
    foreach(line IN LISTS lines)
        if(line MATCHES "^[ \t]*(--|$)")
            continue()
        endif()
        string(TOUPPER "${line}" upper) # SQL keywords in any case
        if((first AND upper MATCHES "${statement}") OR upper MATCHES "${ended}")
            check_allowed("${file}" "${line}")
            if(NOT allowed)
                string(APPEND problems "\n  ${file}: ${line}")
            endif()
        endif()
        set(first FALSE)
    endforeach()
endforeach()

if(allowCount GREATER 0)
    math(EXPR last "${allowCount} - 1")
    foreach(i RANGE ${last})
        list(GET allowUsed ${i} used)
        if(NOT used)
            list(GET allowFiles ${i} allowedFile)
            list(GET allowTexts ${i} allowedText)
            string(APPEND problems
                   "\n  ${ALLOW}: no line of ${allowedFile} holds ${allowedText} (remove the entry)")
        endif()
    endforeach()
endif()
if(problems)
    message(FATAL_ERROR "transaction control spelled outside app/core/db/transaction.cpp (use "
                        "db/Transaction: begin/commit/rollback, or its command texts in a "
                        "pipeline):${problems}")
endif()
