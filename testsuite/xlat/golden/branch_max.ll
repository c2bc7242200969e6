define hidden range(i32 4, 10) i32 @fvp_100b0_branch_max(ptr %cpu) local_unnamed_addr #0 {
start:
  %0 = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret = load i64, ptr %0, align 8, !tbaa !5
  %1 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %1, align 8, !tbaa !5
  %2 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %2, align 8, !tbaa !5
  %3 = getelementptr inbounds i8, ptr %cpu, i64 88
  %x11 = load i64, ptr %3, align 8, !tbaa !5
  %pc.p18 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p18, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit

exit:                                             ; preds = %start, %entry.switch
  %x10.slot.1 = phi i64 [ %x10, %start ], [ %x10.slot.0, %entry.switch ]
  %instret.slot.1 = phi i64 [ %instret, %start ], [ %instret.slot.0, %entry.switch ]
  %exit.pc = phi i64 [ %pc, %start ], [ %4, %entry.switch ]
  %exit.reason = phi i32 [ 9, %start ], [ 4, %entry.switch ]
  %exit.count = phi i64 [ 0, %start ], [ 1, %entry.switch ]
  %instret.n = add i64 %exit.count, %instret.slot.1
  store i64 %instret.n, ptr %0, align 8, !tbaa !5
  store i64 %x10.slot.1, ptr %2, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p18, align 8, !tbaa !5
  ret i32 %exit.reason

entry.switch:                                     ; preds = %start
  %.not = icmp slt i64 %x10, %x11
  %x10.slot.0 = tail call i64 @llvm.smax.i64(i64 %x10, i64 %x11)
  %instret.slot.0.v = select i1 %.not, i64 2, i64 1
  %instret.slot.0 = add i64 %instret.slot.0.v, %instret
  %4 = and i64 %x1, -2
  br label %exit
}
