define hidden range(i32 4, 10) i32 @fvp_100b0_instret_loop(ptr %cpu) local_unnamed_addr #0 {
start:
  %0 = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret = load i64, ptr %0, align 8, !tbaa !5
  %1 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %1, align 8, !tbaa !5
  %2 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %2, align 8, !tbaa !5
  %3 = getelementptr inbounds i8, ptr %cpu, i64 88
  %x11 = load i64, ptr %3, align 8, !tbaa !5
  %4 = getelementptr inbounds i8, ptr %cpu, i64 96
  %x12 = load i64, ptr %4, align 8, !tbaa !5
  %pc.p22 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p22, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %call.ok, label %common.ret, !prof !8

common.ret:                                       ; preds = %call.ok, %start
  %instret.slot.1 = phi i64 [ %instret, %start ], [ %instret.n35, %call.ok ]
  %x10.slot.1 = phi i64 [ %x10, %start ], [ %7, %call.ok ]
  %x11.slot.0 = phi i64 [ %x11, %start ], [ %csr_read, %call.ok ]
  %x12.slot.0 = phi i64 [ %x12, %start ], [ %csr_read40, %call.ok ]
  %exit.pc = phi i64 [ %pc, %start ], [ %8, %call.ok ]
  %exit.reason = phi i32 [ 9, %start ], [ 4, %call.ok ]
  %exit.count = phi i64 [ 0, %start ], [ 3, %call.ok ]
  %instret.n = add i64 %exit.count, %instret.slot.1
  store i64 %instret.n, ptr %0, align 8, !tbaa !5
  store i64 %x10.slot.1, ptr %2, align 8, !tbaa !5
  store i64 %x11.slot.0, ptr %3, align 8, !tbaa !5
  store i64 %x12.slot.0, ptr %4, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p22, align 8, !tbaa !5
  ret i32 %exit.reason

call.ok:                                          ; preds = %start
  store volatile i64 65712, ptr %pc.p22, align 8
  %pending.p26 = getelementptr inbounds i8, ptr %cpu, i64 576
  store i32 0, ptr %pending.p26, align 4
  %csr_read = tail call fastcc i64 @rvh_csr_read(ptr nonnull %cpu) #2
  %5 = shl i64 %x10, 1
  %6 = add i64 %instret, %5
  %instret.n35 = add i64 %6, 1
  store volatile i64 65720, ptr %pc.p22, align 8
  store i64 %instret.n35, ptr %0, align 8, !tbaa !5
  store i32 0, ptr %pending.p26, align 4
  %csr_read40 = tail call fastcc i64 @rvh_csr_read(ptr nonnull %cpu) #2
  %7 = sub i64 %csr_read40, %csr_read
  %8 = and i64 %x1, -2
  br label %common.ret
}
