/**
 * Chinese for the validation messages the API's input shapes (packages/contracts) produce in English. Matched
 * exactly; a message not listed here is shown as the server wrote it.
 */
export const serverMessagesZhCN: Readonly<Record<string, string>> = {
  'code is required': '编码为必填项',
  'code must be at most 32 characters': '编码最多 32 个字符',
  'code may contain only letters, digits, ".", "_" and "-"': '编码只能包含字母、数字、“.”、“_” 和 “-”',
  'name is required': '名称为必填项',
  'name must be at most 120 characters': '名称最多 120 个字符',
  'timezone must be an IANA time zone such as Asia/Shanghai': '时区须为 IANA 时区，例如 Asia/Shanghai',
  'must be a UUID': '必须是有效的 UUID',
  'country must be an ISO 3166-1 alpha-2 code': '国家/地区须为两位 ISO 3166-1 代码，例如 CN',
  'email must be a valid address': '请输入有效的邮箱地址',
  'admin.email must be a valid address': '请输入有效的管理员邮箱地址',
  'roles must name at least one role': '至少选择一个角色',
  'slug must be at least 3 characters': '标识至少 3 个字符',
  'slug must be at most 40 characters': '标识最多 40 个字符',
  'slug may contain only a-z, 0-9 and single hyphens': '标识只能包含小写字母、数字和单个连字符',
  'attributes may have at most 100 keys': '属性最多 100 项',
};
