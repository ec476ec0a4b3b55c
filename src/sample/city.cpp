#include "sample/city.hpp"

namespace casestat::sample {

namespace {

const std::vector<Office> kOffices = {
    {"江州市人民检察院", "江州", 6},        {"江州市东湖区人民检察院", "东湖", 10}, {"江州市西湖区人民检察院", "西湖", 9},
    {"江州市南山区人民检察院", "南山", 7},  {"江州市北塘区人民检察院", "北塘", 6}, {"江州市开发区人民检察院", "开发", 4},
    {"临江县人民检察院", "临江", 5},        {"青石县人民检察院", "青石", 4},       {"云溪县人民检察院", "云溪", 3},
    {"白沙县人民检察院", "白沙", 3},        {"枫桥市人民检察院", "枫桥", 6},       {"梅岭县人民检察院", "梅岭", 3}};

const std::vector<std::string> kSurnames = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
                                            "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"};
const std::vector<std::string> kGiven = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
                                         "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "建华", "志强", "文"};

}  // namespace

const std::vector<Office>& offices() { return kOffices; }

size_t office_index(const Office& office) { return static_cast<size_t>(&office - kOffices.data()); }

const Office& some_office(Random& r) {
  int total = 0;
  for (const auto& o : kOffices) total += o.size;
  int64_t x = r.below(total);
  for (const auto& o : kOffices) {
    if (x < o.size) return o;
    x -= o.size;
  }
  return kOffices[0];
}

std::string some_person(Random& r) {
  // The draws come last character first: the committed sample was made by an expression whose
  // order GCC chose (right to left); spelled out, any compiler gives the same names.
  std::string third = r.chance(50) ? r.pick(kGiven) : std::string();
  std::string given = r.pick(kGiven);
  std::string surname = r.pick(kSurnames);
  return surname + given + third;
}

}  // namespace casestat::sample
