// phiscrubd: the phiscrub sidecar. Thin front end; see server.h.
#include <string>
#include <vector>

#include "server.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return phiscrub::service::RunServer(args);
}
