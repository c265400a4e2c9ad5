// Street lines outside the US street grammar, and the lines of a postal
// address block.
//
// The US grammar (patterns/street_address.yaml) reads "1200 Elm Street,
// Springfield, IL 62704". Letters, forms and call notes also carry addresses
// written the way the rest of the world writes them -- the house number after
// the street ("Koskikatu 25", "Via Franscini 71", "Erzsébet tér 19."), often
// with a building or delivery number before it ("28245 Puruntie 82 Apt.
// 595") -- and they break an address into lines:
//
//   Billing address: Dana Reyes
//   28245 Puruntie 82 Apt. 595
//   LAPPEENRANTA
//   Finland 53650
//
// A street line here is: a number, one to four words, a number (the words
// not all everyday English, or a street word among them); or words with a
// street word ("...katu", "...vej", "Via", "Rue", "u.") and a number; each
// optionally with a unit ("Apt. 595", "Suite 501", "Box 8144"). After a
// street that ends its line (or an address label: "Address:", "Billing
// address: ..."), the short lines that follow are the rest of the address:
// a unit line, a city line, a region, a country with its postal code, a
// postal code alone. The block ends at the first line that reads as anything
// else (a sentence, a label, a URL, an e-mail, a long line) or after six
// lines. Same line: a city, region and code after the street ("..., Arnsdorf,
// Germany", "... 184, ΠΑΦΟΣ").
//
// Lifetime: free functions over caller-owned buffers; cost linear in the
// text (plus the words of NameScratch, already split by the caller).
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "names/names.h"

namespace phiscrub::internal {

enum class AddressPart : uint8_t { kStreet, kLocation, kZip };

struct AddressPiece {
  uint32_t begin = 0, end = 0;
  AddressPart part = AddressPart::kStreet;
};

// Finds street lines and address blocks among scratch.words of `text`.
// `streets`: street spans found by other rules, sorted by start (a block may
// start after them too). Appends pieces in text order.
void FindAddressBlocks(std::string_view text, const NameScratch& scratch,
                       const std::vector<std::pair<uint32_t, uint32_t>>& streets,
                       std::vector<AddressPiece>* out);

// For the line framer (one record per line): whether `line` may open an
// address block (it ends like a street: a number after a capitalised word or
// a unit, a street word after a number; or it is an address label), and
// whether it may continue one (a short line of words and codes, or such a
// part before a question). Cheap byte checks; the scanner decides.
bool MayOpenAddressBlock(std::string_view line);
bool MayContinueAddressBlock(std::string_view line);
// Whether the address-block reading of `block` (the lines before, each
// ending in '\n') and `line` finds a piece in `line`: the framer gives the
// line its block as context only then (the scanner reads the streets of the
// other rules too). Per-thread scratch; cost linear in the block.
bool ContinuesAddressBlock(std::string_view block, std::string_view line);

}  // namespace phiscrub::internal
