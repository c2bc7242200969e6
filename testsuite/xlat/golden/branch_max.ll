define hidden range(i32 4, 10) i32 @fvp_100b0_branch_max(ptr %cpu) local_unnamed_addr #0 {
start:
  %0 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %0, align 8, !tbaa !5
  %1 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %1, align 8, !tbaa !5
  %2 = getelementptr inbounds i8, ptr %cpu, i64 88
  %x11 = load i64, ptr %2, align 8, !tbaa !5
  %pc.p12 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p12, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  %3 = and i64 %x1, -2
  %x11.x10 = tail call i64 @llvm.smax.i64(i64 %x10, i64 %x11)
  %x10.slot.0 = select i1 %"stop?.not", i64 %x11.x10, i64 %x10, !prof !8
  %exit.pc = select i1 %"stop?.not", i64 %3, i64 %pc, !prof !8
  %exit.reason = select i1 %"stop?.not", i32 4, i32 9, !prof !8
  store i64 %x10.slot.0, ptr %1, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p12, align 8, !tbaa !5
  ret i32 %exit.reason
}
