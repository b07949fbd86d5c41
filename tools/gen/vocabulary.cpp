// The word lists. Surname weights follow the rough order of frequency of the common surnames.
#include "tools/gen/vocabulary.hpp"

#include <array>

#include <fmt/format.h>

namespace baomi::gen {

namespace {

constexpr std::string_view surnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",   "郭", "何",
    "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",   "肖", "田",
    "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任",   "沈", "姚",
    "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "付",   "方", "白",
    "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯", "龙", "史", "陶",   "黎", "贺",
    "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "覃", "武", "戴", "莫", "孔", "向", "欧阳",
};

// Relative weights for the surnames above, in groups of twenty: the first few are far more common.
constexpr unsigned surname_weight(std::size_t index) {
  return index < 5 ? 70 : index < 20 ? 25 : index < 40 ? 12 : index < 70 ? 6 : 3;
}

constexpr std::string_view given_chars[] = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀", "霞", "平", "刚", "桂", "英", "华", "建", "国", "红", "文", "辉", "玲", "鹏", "飞",
    "宇", "浩", "凯", "晨", "欣", "怡", "婷", "雪", "梅", "兰", "琳", "颖", "倩", "佳", "慧", "俊",
    "峰", "斌", "波", "宁", "志", "海", "东", "亮", "新", "春", "晓", "燕", "卫", "永", "立", "利",
    "成", "学", "德", "兵", "林", "清", "松", "博", "然", "睿", "子", "轩", "思", "雨", "嘉", "瑞",
};

constexpr department_name departments[] = {
    {"办公室", false},     {"保密办", true},      {"机要室", true},        {"科技处", false},
    {"财务处", false},     {"人事处", false},     {"信息中心", true},      {"综合处", false},
    {"法规处", false},     {"规划处", false},     {"档案室", true},        {"政策研究室", false},
    {"督查室", false},     {"审计处", false},     {"后勤服务中心", false}, {"宣传处", false},
    {"外事处", false},     {"计划财务处", false}, {"装备处", true},        {"质量管理处", false},
    {"业务指导处", false}, {"监督检查处", false}, {"培训中心", false},     {"安全保卫处", true},
    {"统计处", false},     {"机关党委", false},   {"离退休干部处", false}, {"应急管理处", false},
    {"科研管理处", false}, {"网络安全处", true},
};

constexpr std::string_view title_topics[] = {
    "保密自查自评",     "涉密人员管理", "国家秘密载体管理", "保密检查",     "保密教育培训", "年度工作要点",
    "信息系统安全",     "重大项目实施", "预算编制",         "人事任免",     "科研项目评审", "装备采购",
    "应急预案修订",     "专项督查",     "规划编制",         "对外合作",     "涉密会议组织", "定密工作",
    "网络安全等级保护", "档案移交",     "机构编制调整",     "重点任务推进", "课题研究",     "工作总结",
};
constexpr std::string_view title_kinds[] = {"通知", "报告", "请示", "方案", "意见",
                                            "纪要", "批复", "函",   "计划", "汇报材料"};

constexpr std::string_view organizations[] = {
    "市委办公厅", "市政府办公厅", "市保密局",   "省国家保密局", "市委组织部", "市发展和改革委员会", "市科学技术局",
    "市财政局",   "市公安局",     "省委机要局", "市委机要局",   "市档案馆",   "市工业和信息化局",   "市国家安全局",
};
constexpr std::string_view foreign_places[] = {"新加坡",   "德国", "法国",   "日本",   "美国", "英国",     "俄罗斯",
                                               "澳大利亚", "韩国", "意大利", "加拿大", "泰国", "马来西亚", "瑞士"};
constexpr std::string_view hmt_places[] = {"香港", "澳门", "台湾"};
constexpr std::string_view purposes[] = {"保密管理考察", "学术交流", "技术合作洽谈", "培训", "经贸考察", "会议访问"};

}  // namespace

std::span<const department_name> department_names() { return departments; }

std::string person_name(random& r) {
  static const auto weights = [] {
    std::array<unsigned, std::size(surnames)> w{};
    for (std::size_t i = 0; i < w.size(); ++i) w[i] = surname_weight(i);
    return w;
  }();
  std::string name(surnames[r.weighted(weights)]);
  name += given_chars[r.below(std::size(given_chars))];
  if (r.permille(700)) name += given_chars[r.below(std::size(given_chars))];
  return name;
}

std::string document_title(random& r, int year) {
  auto topic = title_topics[r.below(std::size(title_topics))];
  auto kind = title_kinds[r.below(std::size(title_kinds))];
  if (r.permille(500)) return fmt::format("关于{}年度{}工作的{}", year, topic, kind);
  return fmt::format("关于{}有关事项的{}", topic, kind);
}

std::string_view organization(random& r) { return organizations[r.below(std::size(organizations))]; }
std::string_view foreign_place(random& r) { return foreign_places[r.below(std::size(foreign_places))]; }
std::string_view hmt_place(random& r) { return hmt_places[r.below(std::size(hmt_places))]; }
std::string_view delegation_purpose(random& r) { return purposes[r.below(std::size(purposes))]; }

std::string venue(random& r) {
  if (r.permille(700)) return fmt::format("机关{}号楼第{}会议室", 1 + r.below(3), 1 + r.below(12));
  return fmt::format("{}会议中心{}厅", organizations[r.below(std::size(organizations))], 1 + r.below(5));
}

}  // namespace baomi::gen
