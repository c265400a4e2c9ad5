# Accuracy gate: phiscrub over the labelled corpus must score at least the committed
# baseline (tests/accuracy/README.md). Raise the bar with evaluate.py --update-baseline.
find_package(Python3 3.8 REQUIRED COMPONENTS Interpreter)
add_test(NAME accuracy_gate
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/evaluate.py
          --bin $<TARGET_FILE:phiscrub>
          --gate ${CMAKE_CURRENT_LIST_DIR}/baseline.json
          ${CMAKE_CURRENT_LIST_DIR}/corpus.jsonl)
set_tests_properties(accuracy_gate PROPERTIES TIMEOUT 60 LABELS accuracy)

# The issues' Done-when floors on the independent corpora (issue 11: spoken
# transcripts, issue 12: written logs and payloads, presidio-research sample):
# tests/accuracy/independent/done_when.json.
add_test(NAME accuracy_independent
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/independent/gate.py
          --bin $<TARGET_FILE:phiscrub>)
set_tests_properties(accuracy_independent PROPERTIES TIMEOUT 600 LABELS accuracy)
