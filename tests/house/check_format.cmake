# Runs clang-format --dry-run --Werror over src/, tests/ and bench/: fails, naming each file and
# line, when any is not formatted as .clang-format says. Files are found when the test runs, so a
# new one is checked without configuring again.
file(GLOB_RECURSE files
     ${SOURCE_DIR}/src/*.cpp ${SOURCE_DIR}/src/*.h
     ${SOURCE_DIR}/tests/*.cpp ${SOURCE_DIR}/tests/*.h
     ${SOURCE_DIR}/bench/*.cpp ${SOURCE_DIR}/bench/*.h)
list(FILTER files EXCLUDE REGEX "/tests/fixtures/")
list(LENGTH files count)
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror ${files}
                WORKING_DIRECTORY ${SOURCE_DIR}
                RESULT_VARIABLE rc ERROR_VARIABLE problems)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "not clang-formatted (run `make format` or clang-format -i FILE):\n${problems}")
endif()
message(STATUS "${count} files are clang-formatted")
