define hidden range(i32 4, 10) i32 @fvp_100b0_loop_sum(ptr %cpu) local_unnamed_addr #0 {
start:
  %0 = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret = load i64, ptr %0, align 8, !tbaa !5
  %1 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %1, align 8, !tbaa !5
  %2 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %2, align 8, !tbaa !5
  %3 = getelementptr inbounds i8, ptr %cpu, i64 120
  %x15 = load i64, ptr %3, align 8, !tbaa !5
  %pc.p20 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p20, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit

b_100bc:                                          ; preds = %entry.switch, %b_100b6.preheader
  %instret.slot.1.in = phi i64 [ %7, %b_100b6.preheader ], [ %instret, %entry.switch ]
  %x10.slot.1 = phi i64 [ %17, %b_100b6.preheader ], [ 0, %entry.switch ]
  %instret.slot.1 = add i64 %instret.slot.1.in, 3
  %4 = and i64 %x1, -2
  br label %exit

exit:                                             ; preds = %start, %b_100bc
  %instret.slot.2 = phi i64 [ %instret, %start ], [ %instret.slot.1, %b_100bc ]
  %x10.slot.2 = phi i64 [ %x10, %start ], [ %x10.slot.1, %b_100bc ]
  %x15.slot.2 = phi i64 [ %x15, %start ], [ 0, %b_100bc ]
  %exit.pc = phi i64 [ %pc, %start ], [ %4, %b_100bc ]
  %exit.reason = phi i32 [ 9, %start ], [ 4, %b_100bc ]
  %exit.count = phi i64 [ 0, %start ], [ 1, %b_100bc ]
  %instret.n = add i64 %exit.count, %instret.slot.2
  store i64 %instret.n, ptr %0, align 8, !tbaa !5
  store i64 %x10.slot.2, ptr %2, align 8, !tbaa !5
  store i64 %x15.slot.2, ptr %3, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p20, align 8, !tbaa !5
  ret i32 %exit.reason

entry.switch:                                     ; preds = %start
  %5 = icmp eq i64 %x10, 0
  br i1 %5, label %b_100bc, label %b_100b6.preheader

b_100b6.preheader:                                ; preds = %entry.switch
  %6 = mul i64 %x10, 3
  %7 = add i64 %instret, %6
  %8 = add i64 %x10, -1
  %9 = mul i64 %8, %8
  %10 = zext i64 %8 to i65
  %11 = add i64 %x10, -2
  %12 = zext i64 %11 to i65
  %13 = mul i65 %10, %12
  %14 = lshr i65 %13, 1
  %15 = trunc nuw i65 %14 to i64
  %16 = add i64 %x10, %9
  %17 = sub i64 %16, %15
  br label %b_100bc
}
