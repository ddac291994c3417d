// Every sentence the door page shows, in Vietnamese (door staff are Vietnamese; the API answers in Vietnamese too).

export const T = {
  // The fixed words of index.html (its elements name these keys in data-text and data-placeholder).
  title: 'Soát vé họp báo',
  signInTitle: 'Đăng nhập',
  signInHint: 'Tài khoản nhân viên soát vé do văn phòng cấp.',
  email: 'Email',
  password: 'Mật khẩu',
  signIn: 'Đăng nhập',
  setupTitle: 'Chọn buổi họp báo và cửa soát vé',
  briefing: 'Buổi họp báo',
  location: 'Địa điểm',
  doorName: 'Tên cửa',
  doorNameHint: '(không bắt buộc, ví dụ “Cửa chính”)',
  startScanning: 'Bắt đầu soát vé',
  signOut: 'Đăng xuất',
  refusedCount: 'Từ chối',
  scannerLabel: 'Quét mã QR bằng máy quét, hoặc nhập mã rồi nhấn Enter',
  scannerPlaceholder: 'Đặt con trỏ ở đây rồi quét',
  changeDoor: 'Đổi buổi / địa điểm',

  online: 'Trực tuyến',
  offline: 'Mất mạng — đang soát ngoại tuyến',
  admittedCount: 'Đã vào',
  waiting: (n) => `Chờ đồng bộ: ${n}`,
  allSynced: 'Đã đồng bộ',
  syncing: 'Đang đồng bộ…',
  loginFailed: 'Đăng nhập không thành công.',
  signOutWithQueue: (n) => `${T.waiting(n)}. Đăng xuất thì các lượt này chỉ được gửi sau khi đăng nhập lại. Vẫn đăng xuất?`,
  signedInAs: (name) => `Đăng nhập: ${name}`,
  loading: 'Đang tải…',
  httpError: (status) => `Máy chủ báo lỗi (HTTP ${status}).`,
  syncFailed: (why) => `Đồng bộ không thành công: ${why}`,
  networkDown: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
  sessionExpired: 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.',
  noBriefings: 'Không có buổi họp báo nào sắp diễn ra.',
  mainVenue: 'Hội trường chính',
  remotePoint: 'Điểm cầu',
  briefingOption: (at, title) => `${at} — ${title}`,
  briefingSummary: (title, at, venue) => `${title} · ${at} · ${venue}`,
  mainVenueOption: (venue) => `${T.mainVenue} — ${venue}`,
  remotePointOption: (name) => `${T.remotePoint}: ${name}`,
  doorContext: (briefing, location, door) => `${briefing} · ${location}${door ? ` · ${door}` : ''}`,
  bundleReady: (n, at) => `Dữ liệu ngoại tuyến: ${n} thẻ, cập nhật ${at}`,
  bundleMissing: 'Chưa tải được dữ liệu ngoại tuyến: khi mất mạng sẽ không soát được vé.',
  bundleLoading: 'Đang tải dữ liệu ngoại tuyến…',
  cameraUnavailable: 'Không mở được camera trên thiết bị này. Dùng máy quét cầm tay hoặc nhập mã.',
  cameraDenied: 'Chưa được cấp quyền dùng camera.',
  cameraNoDecoder: 'Trình duyệt không có bộ đọc mã QR. Dùng máy quét cầm tay hoặc nhập mã.',
  cameraOn: 'Bật camera',
  cameraOff: 'Tắt camera',
  verdict: {
    Admitted: 'MỜI VÀO',
    AlreadyCheckedIn: 'ĐÃ VÀO RỒI',
    Refused: 'TỪ CHỐI',
    Unverified: 'CHƯA KIỂM TRA ĐƯỢC',
  },
  firstCheckIn: (at, where) => `Đã soát lúc ${at}${where ? ` tại ${where}` : ''}`,
  checkedInAt: (at) => `Vào lúc ${at}`,
  admittedOffline: 'Soát ngoại tuyến — sẽ đồng bộ khi có mạng',
  unverified: 'Mất mạng và chưa có dữ liệu ngoại tuyến cho buổi này. Ghi lại tên, hoặc chờ có mạng.',
  unknownReporter: 'Thẻ hợp lệ (chưa có trong danh sách đã tải)',
  opensAt: (at) => `Mở cửa lúc ${at}`,
  closedAt: (at) => `Đã đóng cửa lúc ${at}`,
  passFor: (location) => `Thẻ dành cho: ${location}`,
  checkedOffline: 'Kiểm tra ngoại tuyến',
  tapToContinue: 'Chạm để quét tiếp',
  syncConflicts: (n) => `${n} lượt cần xem lại sau đồng bộ`,
  recent: 'Lượt quét gần đây',
  recentTag: { Admitted: 'Vào', AlreadyCheckedIn: 'Đã vào', Refused: 'Từ chối', Unverified: 'Chưa rõ' },
  recentQueued: (tag) => `${tag} · chờ gửi`,
  thisDevice: 'thiết bị này',
};

/** Why a pass is refused, by the reason code the API (and the page's own offline check) uses. */
export const REASONS = {
  InvalidSignature: 'Chữ ký không hợp lệ — thẻ có thể bị làm giả',
  Malformed: 'Mã không đọc được hoặc không phải thẻ họp báo',
  UnknownKey: 'Thẻ ký bằng khóa không rõ nguồn gốc',
  WrongBriefing: 'Thẻ của buổi họp báo khác',
  WrongLocation: 'Thẻ đăng ký tại địa điểm khác',
  NotYetOpen: 'Chưa đến giờ mở cửa',
  Closed: 'Đã hết giờ soát vé',
  Revoked: 'Thẻ đã bị thu hồi',
  Cancelled: 'Đăng ký hoặc buổi họp báo đã bị hủy',
};

export function reasonText(code) {
  return REASONS[code] ?? `Không hợp lệ (${code ?? 'không rõ lý do'})`;
}

const timeFormat = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh', weekday: 'short', day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit',
});

/** Hour and minute in Hanoi: the door only ever cares about today. */
export function time(instant) {
  return instant ? timeFormat.format(new Date(instant)) : '';
}

const HANOI_OFFSET_MS = 7 * 60 * 60 * 1000; // Asia/Ho_Chi_Minh, +07:00 all year
const two = (n) => String(n).padStart(2, '0');

/**
 * A door time in Hanoi as the API says it: "HH:mm" on the day of `now`, "dd/MM/yyyy HH:mm" on another day (doors that
 * open tomorrow must not read as if they opened this morning).
 */
export function when(instant, now = new Date()) {
  if (!instant) {
    return '';
  }

  const local = new Date(new Date(instant).getTime() + HANOI_OFFSET_MS);
  const today = new Date(now.getTime() + HANOI_OFFSET_MS);
  const hm = `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
  const sameDay = local.getUTCFullYear() === today.getUTCFullYear() && local.getUTCMonth() === today.getUTCMonth()
    && local.getUTCDate() === today.getUTCDate();
  return sameDay ? hm : `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ${hm}`;
}

export function dateTime(instant) {
  return instant ? dateTimeFormat.format(new Date(instant)) : '';
}
