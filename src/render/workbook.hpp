// casestat-xlsx and the bulletin's workbook: indicators JSON into an Excel workbook laid out
// by a layout file (render/workbook_layout.hpp), with libxlsxwriter.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>

#include "render/text_model.hpp"

namespace casestat::render {

// Writes `output` (the caller writes to a temporary name and renames it). Numbers are written
// as numbers with formats by unit, text as text (never a formula); the file's creation time is
// the data's generated_on date, so the same input gives the same bytes.
void write_workbook(const nlohmann::json& data, const std::filesystem::path& layout, const std::filesystem::path& output,
                    const SiteSettings& site = {});

}  // namespace casestat::render
